package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class QRadarOffenseMapperTest {

    @Test
    void anOpenOffenseBySourceIpIsADetectionFinding() {
        NormalizedRecord r = one("""
                {"id":1207,"description":"Multiple Login Failures for the Same User\\n","offense_type":0,
                 "offense_source":"203.0.113.61","magnitude":7,"severity":6,"credibility":3,"status":"OPEN",
                 "start_time":1714540000000,"last_updated_time":1714543600000,"event_count":57,
                 "categories":["User Login Failure","Brute Force Login"],"source_network":"other",
                 "destination_networks":["DMZ"]}
                """);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("qradar-offense");
        assertThat(e.path("type_uid").asInt()).isEqualTo(200401);
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.path("time").asLong()).isEqualTo(1714540000000L);
        assertThat(text(e, "status")).isEqualTo("New");
        assertThat(text(e, "finding_info.uid")).isEqualTo("1207");
        assertThat(text(e, "finding_info.types.1")).isEqualTo("Brute Force Login");
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("203.0.113.61");
        assertThat(e.path("finding_info").path("modified_time").asLong()).isEqualTo(1714543600000L);
    }

    @Test
    void aClosedOffenseByUsernameClosesTheFinding() {
        NormalizedRecord r = one("""
                {"id":9,"description":"Excessive privilege use","offense_type":3,"offense_source":"svc_backup",
                 "magnitude":2,"status":"CLOSED","start_time":1714540000000,"close_time":1714550000000}
                """);
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(3);
        assertThat(r.body().path("severity_id").asInt()).isEqualTo(2);
        assertThat(text(r.body(), "status")).isEqualTo("Resolved");
        assertThat(text(r.body(), "actor.user.name")).isEqualTo("svc_backup");
        assertThat(QRadarOffenseMapper.severity(10L)).isEqualTo(5);
        assertThat(QRadarOffenseMapper.severity(42L)).isZero();
    }
}
