package dev.watchfloor.ingest.normalize.vendor.sensor;

import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.one;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class OcsfNativeMapperTest {

    @Test
    void keepsAnOcsfDocumentAsItIsAndReadsItsTime() {
        NormalizedRecord r = one("""
                {"class_uid":3002,"category_uid":3,"activity_id":1,"type_uid":300201,"time":1795835045000,\
                "severity_id":3,"severity":"Medium","status_id":2,"status":"Failure","message":"Logon failed",\
                "metadata":{"version":"1.1.0","product":{"name":"Acme IdP","vendor_name":"Acme"}},\
                "user":{"name":"dana.k"},"src_endpoint":{"ip":"198.51.100.31"},\
                "device":{"hostname":"idp-1"},"unmapped":{"acme_risk":"elevated"},"custom_thing":{"a":1}}
                """);
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("ocsf");
        assertThat(e.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(e.path("type_uid").asLong()).isEqualTo(300201);
        assertThat(e.path("severity_id").asInt()).isEqualTo(3);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(e.path("time").asLong()).isEqualTo(1795835045000L);
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("Acme IdP");
        assertThat(e.at("/custom_thing/a").asInt()).isEqualTo(1);
        assertThat(e.at("/unmapped/acme_risk").asText()).isEqualTo("elevated");
        assertThat(e.at("/unmapped/metadata.version").asText()).isEqualTo("1.1.0");
        assertThat(e.at("/unmapped/class_uid").isMissingNode()).isTrue();
        assertThat(r.entities()).contains("user:dana.k", "ip:198.51.100.31", "host:idp-1");
        assertThat(r.title()).isEqualTo("Logon failed");
    }

    @Test
    void fillsTypeAndCategoryWhenMissing() {
        JsonNode e = one("""
                {"class_uid":4001,"activity_id":6,"activity_name":"Traffic","metadata":{"version":"1.3.0"},\
                "time":1795835045000,\
                "src_endpoint":{"ip":"10.0.0.1"},"dst_endpoint":{"ip":"10.0.0.2","port":22}}
                """).body();

        assertThat(e.path("category_uid").asInt()).isEqualTo(4);
        assertThat(e.path("type_uid").asLong()).isEqualTo(400106);
        assertThat(e.path("class_name").asText()).isEqualTo("Network Activity");
        assertThat(e.path("type_name").asText()).isEqualTo("Network Activity: Traffic");
    }

    @Test
    void pantherOcsfRecordsTakeTheClassFromTheLogTypeAndKeepPantherFieldsUnmapped() {
        JsonNode e = one("""
                {"dst_endpoint":{"ip":"10.0.0.1","port":22},"src_endpoint":{"ip":"192.0.2.1"},\
                "p_log_type":"OCSF.NetworkActivity","p_event_time":"2026-11-28 03:04:05"}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(e.at("/dst_endpoint/port").asInt()).isEqualTo(22);
        assertThat(e.at("/unmapped/p_log_type").asText()).isEqualTo("OCSF.NetworkActivity");
        assertThat(e.has("p_log_type")).isFalse();
    }
}
