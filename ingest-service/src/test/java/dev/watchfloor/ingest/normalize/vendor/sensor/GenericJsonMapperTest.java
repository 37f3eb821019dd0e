package dev.watchfloor.ingest.normalize.vendor.sensor;

import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.oneAlert;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

/** The generic JSON fallback, through detection: no vendor mapper may claim these. */
class GenericJsonMapperTest {

    @Test
    void flatDemoAlertKeepsItsEntities() {
        NormalizedRecord r = oneAlert("""
                {"title":"Credential dumping via LSASS access","severity":"high","source":"edr",\
                "time":"2026-11-28T03:04:05Z","user":"carol.m","device":{"hostname":"ws-042","ip":"10.0.4.42"},\
                "process_name":"procdump64.exe","command_line":"procdump64.exe -ma lsass.exe out.dmp",\
                "detection":{"name":"LSASS dump","technique":"T1003.001"},\
                "sha256":"0a7c4f1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f90"}
                """);
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("edr");
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1003.001");
        assertThat(r.entities()).contains("user:carol.m", "host:ws-042", "ip:10.0.4.42",
                "process:procdump64.exe",
                "hash:0a7c4f1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f90");
    }

    @Test
    void commonSpellingsOfEndpointsUsersAndHostsAreRead() {
        NormalizedRecord r = one("""
                {"timestamp":"2026-11-28T03:04:05Z","event_type":"login","outcome":"failed",\
                "srcip":"198.51.100.4","sport":"51515","destination_address":"10.0.0.8","dport":22,\
                "userName":"ops.r","computer_name":"jump-1"}
                """);
        JsonNode e = r.body();

        assertThat(e.path("activity_name").asText()).isEqualTo("login");
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.4");
        assertThat(e.at("/src_endpoint/port").asInt()).isEqualTo(51515);
        assertThat(e.at("/dst_endpoint/ip").asText()).isEqualTo("10.0.0.8");
        assertThat(e.at("/dst_endpoint/port").asInt()).isEqualTo(22);
        assertThat(r.entities()).contains("user:ops.r", "host:jump-1");
    }

    @Test
    void srcThatIsNotAnAddressAndNestedLookalikesGiveNoEntity() {
        NormalizedRecord r = one("""
                {"time":"2026-11-28T03:04:05Z","src":"frontend","client":{"ip":"192.0.2.44"},\
                "payload":{"user":"mallory","host":"dc-01","src_ip":"10.0.0.1","sha256":"ffff"}}
                """);

        assertThat(r.entities()).containsExactly("ip:192.0.2.44");
        assertThat(r.body().at("/unmapped/src").asText()).isEqualTo("frontend");
        assertThat(r.body().at("/unmapped/payload/user").asText()).isEqualTo("mallory");
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3, true", "2001:db8::7, true", "::ffff:192.0.2.1, true", "fe80::1%eth0, true",
            "2001:0db8:0000:0000:0000:ff00:0042:8329, true", "300.1.2.3, false", "12:30:45, false",
            "frontend, false", "10.1.2, false"})
    void srcIsAnIpOnlyWhenItIsAnAddressLiteral(String src, boolean ip) {
        NormalizedRecord r = one("{\"time\":\"2026-11-28T03:04:05Z\",\"src\":\"" + src + "\"}");

        assertThat(r.body().at("/src_endpoint/ip").isMissingNode()).isEqualTo(!ip);
    }
}
