package dev.watchfloor.ingest.normalize.vendor.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/** Odd, missing and wrongly typed fields never make these mappers throw, forced or detected. */
class HostileSensorInputTest {

    private static final List<Mapper> MAPPERS = List.of(new ZeekMapper(), new SuricataEveMapper(),
            new OcsfNativeMapper(), new EcsMapper());

    private final Normalizer normalizer = new Normalizer(new IngestConfig.Time() {

        @Override
        public ZoneId defaultZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Map<String, ZoneId> zones() {
            return Map.of();
        }

        @Override
        public Duration maxSkew() {
            return Duration.ofHours(24);
        }
    }, new Mappers());

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"ts\":null,\"_path\":\"conn\"}",
            "{\"ts\":\"soon\",\"id.orig_h\":[1,2],\"id.resp_h\":{\"x\":1},\"conn_state\":7,\"orig_bytes\":\"many\"}",
            "{\"ts\":-1e300,\"_path\":\"dns\",\"answers\":\"1.2.3.4\",\"TTLs\":[\"x\"],\"rcode\":99999999999999999999}",
            "{\"ts\":1e30,\"_path\":\"dhcp\",\"msg_types\":[],\"lease_time\":-5}",
            "{\"ts\":1,\"_path\":\"http\",\"method\":{},\"uri\":[],\"status_code\":\"abc\"}",
            "{\"ts\":1,\"_path\":\"notice\",\"note\":null,\"src\":123,\"p\":\"99999\"}",
            "{\"ts\":1,\"_path\":\"kerberos\",\"client\":\"/\",\"success\":\"maybe\"}",
            "{\"timestamp\":[],\"event_type\":\"alert\",\"flow_id\":{},\"alert\":\"no\"}",
            "{\"timestamp\":\"x\",\"event_type\":\"alert\",\"src_ip\":1,\"dest_ip\":2,"
                    + "\"alert\":{\"severity\":\"high\",\"metadata\":{\"mitre_technique_id\":[{},null,\"\"]}}}",
            "{\"timestamp\":\"x\",\"event_type\":\"dns\",\"flow_id\":1,\"dns\":{\"answers\":[1,null,{}],\"rcode\":5}}",
            "{\"class_uid\":\"99999999\",\"type_uid\":1,\"time\":\"never\",\"metadata\":[],\"unmapped\":3}",
            "{\"class_uid\":-4,\"activity_id\":-9,\"category_uid\":1,\"severity_id\":\"x\"}",
            "{\"p_log_type\":\"OCSF.\",\"class_uid\":null}",
            "{\"@timestamp\":{},\"ecs\":{\"version\":8},\"event\":{\"category\":7,\"type\":[null],\"severity\":-3}}",
            "{\"@timestamp\":\"x\",\"ecs.version\":\"1\",\"event\":{\"kind\":\"alert\"},"
                    + "\"threat\":{\"technique\":[[[[[[[[{\"id\":\"T1000\"}]]]]]]]]}}",
            "{\"..\":1,\".\":{\"\":2},\"a..b\":3}"})
    void neverThrowsAndAlwaysGivesAClass(String json) {
        Piece piece = SensorFixtures.read(json).get(0);
        assertThat(piece.isQuarantined()).isFalse();
        for (Mapper m : MAPPERS) {
            assertThatCode(() -> m.matches(piece.parsed())).doesNotThrowAnyException();
        }
        assertThatCode(() -> normalizer.normalize(piece.parsed(), null, true, Instant.now()))
                .doesNotThrowAnyException();
        for (Mapper m : MAPPERS) {
            Piece fresh = SensorFixtures.read(json).get(0);
            assertThatCode(() -> assertThat(normalizer.normalize(fresh.parsed(), m.id(), false, Instant.now()).body()
                    .path("class_uid").isNumber()).isTrue()).as(m.id()).doesNotThrowAnyException();
        }
    }
}
