package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class Route53ResolverMapperTest {

    @Test
    void aBlockedQueryIsDnsTrafficWithItsAnswerAndDisposition() {
        NormalizedRecord r = one("""
                {"version":"1.100000","account_id":"210987654321","region":"eu-west-1","vpc_id":"vpc-0a1b2c3d",
                 "query_timestamp":"2024-05-01T09:30:12Z","query_name":"c2.badexample.net.","query_type":"A",
                 "query_class":"IN","rcode":"NXDOMAIN","answers":[],"srcaddr":"10.20.30.40","srcport":"53124",
                 "transport":"UDP","srcids":{"instance":"i-0fedcba987654321"},
                 "firewall_rule_action":"BLOCK","firewall_rule_group_id":"rslvr-frg-abc"}
                """);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("route53-resolver");
        assertThat(e.path("type_uid").asInt()).isEqualTo(400306);
        assertThat(e.path("time").asLong()).isEqualTo(1714555812000L);
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("10.20.30.40");
        assertThat(e.path("src_endpoint").path("port").asInt()).isEqualTo(53124);
        assertThat(text(e, "src_endpoint.instance_uid")).isEqualTo("i-0fedcba987654321");
        assertThat(text(e, "query.hostname")).isEqualTo("c2.badexample.net.");
        assertThat(e.path("rcode_id").asInt()).isEqualTo(3);
        assertThat(e.path("disposition_id").asInt()).isEqualTo(2);
        assertThat(text(e, "connection_info.protocol_name")).isEqualTo("udp");
        assertThat(r.entities()).contains("domain:c2.badexample.net.", "ip:10.20.30.40");
    }

    @Test
    void aSingleAnswerObjectIsRead() {
        NormalizedRecord r = one("""
                {"version":"1.100000","account_id":"210987654321","query_timestamp":"2024-05-01 09:30:12",
                 "query_name":"s3.eu-west-1.amazonaws.com","query_type":"A","rcode":"NOERROR",
                 "answers":{"Rdata":"52.218.1.1","Type":"A","Class":"IN"},"srcaddr":"10.20.30.41","srcport":"40000",
                 "srcids":{"instance":"i-1"},"p_log_type":"AWS.VPCDns"}
                """);
        assertThat(text(r.body(), "answers.0.rdata")).isEqualTo("52.218.1.1");
        assertThat(r.body().path("rcode_id").asInt()).isZero();
    }
}
