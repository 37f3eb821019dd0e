package dev.watchfloor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.VendorMappers;

class NormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T12:00:00Z");
    private final Normalizer normalizer = new Normalizer(new TestTimes(), new Mappers());
    private final RecordReader reader = new RecordReader(65_536, 1000);

    @Test
    void entitiesComeOnlyFromMappedFieldsNeverFromNestedAttackerData() {
        NormalizedRecord r = alert("""
                {"title":"Suspicious upload","severity":"high","user":"Alice.W","src_ip":"203.0.113.7",
                 "device":{"hostname":"WS-042"},"sha256":"ABCDEF",
                 "payload":{"hostname":"dc-01","user":"administrator","ip":"10.0.0.1",
                   "nested":{"computer":"dc-02"}}}
                """);

        assertThat(r.entities()).containsExactly("hash:abcdef", "host:ws-042", "ip:203.0.113.7", "user:alice.w");
        assertThat(r.body().at("/unmapped/payload/hostname").asText()).isEqualTo("dc-01");
        assertThat(r.body().at("/unmapped/payload/nested/computer").asText()).isEqualTo("dc-02");
        assertThat(r.body().at("/unmapped/title").isMissingNode()).as("read fields leave unmapped").isTrue();
    }

    @Test
    void aGenericAlertIsADetectionFindingKeepingItsSubTechnique() {
        NormalizedRecord r = alert("""
                {"title":"Credential dumping","severity":"critical","source":"edr","time":"2026-11-21T10:00:00Z",
                 "detection":{"name":"LSASS access","technique":"t1003.001"},"process_name":"m64.exe",
                 "command_line":"m64.exe sekurlsa::logonpasswords","parent_process":"cmd.exe"}
                """);

        assertThat(r.body().path("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.body().path("type_uid").asLong()).isEqualTo(200401);
        assertThat(r.body().path("category_uid").asInt()).isEqualTo(2);
        assertThat(r.body().at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1003.001");
        assertThat(r.body().at("/finding_info/analytic/name").asText()).isEqualTo("LSASS access");
        assertThat(r.body().at("/process/cmd_line").asText()).contains("sekurlsa");
        assertThat(r.body().at("/process/parent_process/name").asText()).isEqualTo("cmd.exe");
        assertThat(r.severityId()).isEqualTo(5);
        assertThat(r.source()).isEqualTo("edr");
        assertThat(r.title()).isEqualTo("Credential dumping");
        assertThat(r.body().path("time").asLong()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
        assertThat(r.entities()).contains("process:m64.exe");
    }

    @Test
    void anEventIsABaseEventWithItsActivityAndOutcome() {
        NormalizedRecord r = normalizer.normalize(one("""
                {"event_type":"user.session.start","outcome":"FAILURE","user":"bob","src_ip":"198.51.100.1",
                 "message":"login"}"""), null, false, RECEIVED);

        assertThat(r.body().path("class_uid").asInt()).isZero();
        assertThat(r.body().path("activity_name").asText()).isEqualTo("user.session.start");
        assertThat(r.body().path("status_id").asInt()).isEqualTo(2);
        assertThat(r.body().path("status_detail").asText()).isEqualTo("FAILURE");
        assertThat(r.entities()).containsExactly("ip:198.51.100.1", "user:bob");
    }

    @Test
    void nearDuplicatesShareAFingerprint() {
        String a = alert("{\"title\":\"t\",\"host\":\"h1\",\"time\":1}").fingerprint();
        String b = alert("{\"title\":\"t\",\"host\":\"H1\",\"time\":2}").fingerprint();
        String c = alert("{\"title\":\"t\",\"host\":\"h2\"}").fingerprint();

        assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(32);
    }

    @Test
    void aMissingOrUnreadableTimeKeepsTheRecordWithTheReceivedTimeAndAFlag() {
        NormalizedRecord unreadable = alert("{\"time\":\"yesterday\"}");
        NormalizedRecord missing = alert("{\"title\":\"t\"}");

        assertThat(unreadable.observedAt()).isEqualTo(RECEIVED);
        assertThat(unreadable.time().original()).isEqualTo("yesterday");
        assertThat(unreadable.time().flagNames()).containsExactly("unreadable");
        assertThat(missing.observedAt()).isEqualTo(RECEIVED);
        assertThat(missing.time().original()).isNull();
        assertThat(missing.time().flagNames()).containsExactly("missing");
    }

    @Test
    void epochSecondsAreNotReadAsMillisecondsAndASourceHasItsOwnZone() {
        NormalizedRecord seconds = alert("{\"time\":1795835045}");
        NormalizedRecord asa = alert("{\"source\":\"asa\",\"timestamp\":\"Nov 21 2026 10:00:00\"}");

        assertThat(seconds.observedAt()).isEqualTo(Instant.ofEpochSecond(1_795_835_045L));
        assertThat(asa.observedAt()).as("Berlin is UTC+1 in November").isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(asa.time().flagNames()).containsExactly("zone-assumed");
    }

    @Test
    void ocsfSeverityIdWinsOverASeverityWordAndUnknownFallsBackToIt() {
        assertThat(alert("{\"severity_id\":5,\"severity\":\"Low\"}").severityId()).isEqualTo(5);
        assertThat(alert("{\"severity_id\":99,\"severity\":\"High\"}").severityId()).as("99 is OCSF's 'other'")
                .isEqualTo(4);
        assertThat(alert("{\"severity_id\":0,\"severity\":\"medium\"}").severityId()).isEqualTo(3);
        assertThat(alert("{\"severity\":{\"id\":4}}").severityId()).isZero();
    }

    @Test
    void anUnknownSourceIsTheClientsErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> normalizer.normalize(one("{}"), "no-such-vendor", true, RECEIVED))
                .isInstanceOf(ProblemException.class).hasMessageContaining("json");
    }

    @Test
    void aNamedSourceSkipsDetection() {
        NormalizedRecord r = normalizer.normalize(one("{\"title\":\"x\"}"), "json", true, RECEIVED);

        assertThat(r.body().at("/metadata/log_provider").asText()).isEqualTo("watchfloor-ingest/json");
    }

    @Test
    void aBatchIsMappedOneMapperAtATimeWithEachResultAtItsRecordsIndex() {
        List<String> lines = List.of("{\"title\":\"one\",\"host\":\"a\"}",
                "CEF:0|Acme|IDS|1.0|100|Port scan|5|src=10.0.0.1",
                "{\"title\":\"boom\"}",
                "{\"title\":\"two\",\"host\":\"b\"}",
                "<38>Nov 28 10:00:00 bastion sshd[42]: Failed password for root from 10.0.0.9 port 22 ssh2");
        Mapper failing = new Mapper() {

            public String id() {
                return "failing";
            }

            public boolean matches(Parsed record) {
                return record.fields().path("title").asText().equals("boom");
            }

            public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
                throw new IllegalStateException("mapper bug");
            }
        };
        Normalizer mixed = new Normalizer(new TestTimes(), new Mappers(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(failing), VendorMappers.all().stream()).toList()));
        List<Normalizer.Request> batch = lines.stream().map(l -> new Normalizer.Request(read(l), null, null)).toList();

        List<Normalizer.Outcome> outcomes = mixed.normalizeAll(batch, true, RECEIVED);

        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(2).record()).isNull();
        assertThat(outcomes.get(2).failure()).hasMessage("mapper bug");
        for (int i : new int[]{0, 1, 3, 4}) {
            assertThat(outcomes.get(i).failure()).isNull();
            assertThat(outcomes.get(i).record().body()).as("record %d", i)
                    .isEqualTo(mixed.normalize(read(lines.get(i)), null, true, RECEIVED).body());
        }
        assertThat(outcomes.get(3).record().title()).isEqualTo("two");
        assertThatThrownBy(() -> mixed.normalizeAll(List.of(batch.get(0), new Normalizer.Request(read(lines.get(3)),
                "no-such-vendor", null)), true, RECEIVED)).isInstanceOf(ProblemException.class);
    }

    private Parsed read(String line) {
        List<Piece> pieces = reader.read(line.getBytes(StandardCharsets.UTF_8), RecordReader.Hint.DETECT);
        assertThat(pieces).singleElement().matches(p -> !p.isQuarantined());
        return pieces.get(0).parsed();
    }

    private NormalizedRecord alert(String json) {
        return normalizer.normalize(one(json), null, true, RECEIVED);
    }

    private Parsed one(String text) {
        List<Piece> pieces = reader.read(text.getBytes(StandardCharsets.UTF_8), RecordReader.Hint.JSON);
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).isQuarantined()).as(pieces.get(0).reason()).isFalse();
        return pieces.get(0).parsed();
    }
}
