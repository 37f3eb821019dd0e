package dev.watchfloor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.IngestConfig;

class JsonNormalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-11-21T12:00:00Z");
    private final JsonNormalizer normalizer = new JsonNormalizer(new IngestConfig.Time() {

        @Override
        public ZoneId defaultZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Map<String, ZoneId> zones() {
            return Map.of("asa", ZoneId.of("Europe/Berlin"));
        }

        @Override
        public Duration maxSkew() {
            return Duration.ofHours(24);
        }
    });

    @Test
    void extractsEntitiesFromNestedVendorFieldsCaseInsensitively() throws Exception {
        NormalizedRecord r = normalizer.normalize(json("""
                {"title":"Login","severity":"high","source":"idp",
                 "actor":{"user":{"userName":"Alice.W"}},"src_endpoint":{"ip":"203.0.113.7"},
                 "device":{"hostname":"WS-042"},"file":{"sha256":"ABCDEF"},"ignored":{"user":42}}
                """), RECEIVED);

        assertThat(r.entities()).containsExactly("hash:abcdef", "host:ws-042", "ip:203.0.113.7", "user:alice.w");
        assertThat(r.severityId()).isEqualTo(4);
        assertThat(r.source()).isEqualTo("idp");
        assertThat(r.observedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void keepsTheRecordAsSentAndReadsItsTime() throws Exception {
        JsonNode input = json("{\"message\":\"x\",\"time\":\"2026-11-20T10:00:00+01:00\",\"extra\":[1,2]}");

        NormalizedRecord r = normalizer.normalize(input, RECEIVED);

        assertThat(r.body()).isEqualTo(input);
        assertThat(r.title()).isEqualTo("x");
        assertThat(r.observedAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(r.source()).isEqualTo("api");
    }

    @Test
    void nearDuplicatesShareAFingerprint() throws Exception {
        String a = normalizer.normalize(json("{\"title\":\"t\",\"host\":\"h1\",\"time\":1}"), RECEIVED).fingerprint();
        String b = normalizer.normalize(json("{\"title\":\"t\",\"host\":\"H1\",\"time\":2}"), RECEIVED).fingerprint();
        String c = normalizer.normalize(json("{\"title\":\"t\",\"host\":\"h2\"}"), RECEIVED).fingerprint();

        assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(32);
    }

    @Test
    void rejectsNonObjectsWithAReason() throws Exception {
        assertThatThrownBy(() -> normalizer.normalize(json("[1]"), RECEIVED)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void aMissingOrUnreadableTimeKeepsTheRecordWithTheReceivedTimeAndAFlag() throws Exception {
        NormalizedRecord unreadable = normalizer.normalize(json("{\"time\":\"yesterday\"}"), RECEIVED);
        NormalizedRecord missing = normalizer.normalize(json("{\"title\":\"t\"}"), RECEIVED);

        assertThat(unreadable.observedAt()).isEqualTo(RECEIVED);
        assertThat(unreadable.time().original()).isEqualTo("yesterday");
        assertThat(unreadable.time().flagNames()).containsExactly("unreadable");
        assertThat(missing.observedAt()).isEqualTo(RECEIVED);
        assertThat(missing.time().original()).isNull();
        assertThat(missing.time().flagNames()).containsExactly("missing");
    }

    @Test
    void epochSecondsAreNotReadAsMillisecondsAndASourceHasItsOwnZone() throws Exception {
        NormalizedRecord seconds = normalizer.normalize(json("{\"time\":1795835045}"), RECEIVED);
        NormalizedRecord asa = normalizer.normalize(json("{\"source\":\"asa\",\"timestamp\":\"Nov 21 2026 "
                + "10:00:00\"}"), RECEIVED);

        assertThat(seconds.observedAt()).isEqualTo(Instant.ofEpochSecond(1_795_835_045L));
        assertThat(asa.observedAt()).as("Berlin is UTC+1 in November").isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(asa.time().flagNames()).containsExactly("zone-assumed");
    }

    @Test
    void mapsSeverityWordsAndNumbersToOcsfIds() throws Exception {
        assertThat(JsonNormalizer.severityId(json("\"Critical\""))).isEqualTo(5);
        assertThat(JsonNormalizer.severityId(json("3"))).isEqualTo(3);
        assertThat(JsonNormalizer.severityId(json("99"))).isZero();
        assertThat(JsonNormalizer.severityId(null)).isZero();
        assertThat(JsonNormalizer.severityId(json("\"4\""))).isEqualTo(4);
        assertThat(JsonNormalizer.severityId(json("{\"id\":4}"))).isZero();
    }

    @Test
    void ocsfSeverityIdWinsOverASeverityWordAndUnknownFallsBackToIt() throws Exception {
        assertThat(normalizer.normalize(json("{\"severity_id\":5,\"severity\":\"Low\"}"), RECEIVED).severityId())
                .isEqualTo(5);
        assertThat(normalizer.normalize(json("{\"severity_id\":99,\"severity\":\"High\"}"), RECEIVED)
                .severityId()).as("99 is OCSF's 'other'").isEqualTo(4);
        assertThat(normalizer.normalize(json("{\"severity_id\":0,\"severity\":\"medium\"}"), RECEIVED)
                .severityId()).isEqualTo(3);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
