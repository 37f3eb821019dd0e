package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class AwsWafMapperTest {

    @Test
    void aBlockedPostIsHttpPostBlockedByItsRule() {
        NormalizedRecord r = one("""
                {"timestamp":1714557600123,"formatVersion":1,
                 "webaclId":"arn:aws:wafv2:eu-west-1:210987654321:regional/webacl/shop-acl/1f2e3d4c",
                 "terminatingRuleId":"block-sqli","terminatingRuleType":"REGULAR","action":"BLOCK",
                 "httpSourceName":"ALB","httpSourceId":"210987654321-app/shop/abc","responseCodeSent":403,
                 "httpRequest":{"clientIp":"203.0.113.99","country":"NL",
                   "headers":[{"name":"Host","value":"shop.example.org"},{"name":"User-Agent","value":"sqlmap/1.8"},
                              {"name":"X-Forwarded-For","value":"203.0.113.99, 10.0.0.5"}],
                   "uri":"/cart/checkout","args":"id=1%27%20OR%201=1","httpVersion":"HTTP/1.1","httpMethod":"POST",
                   "requestId":"1-66320a20-abc"}}
                """);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("aws-waf");
        assertThat(e.path("class_uid").asInt()).isEqualTo(4002);
        assertThat(e.path("activity_id").asInt()).isEqualTo(6);
        assertThat(e.path("time").asLong()).isEqualTo(1714557600123L);
        assertThat(e.path("disposition_id").asInt()).isEqualTo(2);
        assertThat(e.path("action_id").asInt()).isEqualTo(2);
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("203.0.113.99");
        assertThat(text(e, "src_endpoint.location.country")).isEqualTo("NL");
        assertThat(text(e, "http_request.user_agent")).isEqualTo("sqlmap/1.8");
        assertThat(text(e, "http_request.url.hostname")).isEqualTo("shop.example.org");
        assertThat(text(e, "http_request.x_forwarded_for.1")).isEqualTo("10.0.0.5");
        assertThat(text(e, "firewall_rule.uid")).isEqualTo("block-sqli");
        assertThat(text(e, "policy.name")).isEqualTo("shop-acl");
        assertThat(e.path("http_response").path("code").asInt()).isEqualTo(403);
    }

    @Test
    void methodsAndActions() {
        NormalizedRecord r = one("""
                {"timestamp":"2024-05-01T10:00:00Z","webaclId":"arn:aws:wafv2:us-east-1:1:global/webacl/x/y",
                 "action":"COUNT","httpRequest":{"clientIp":"192.0.2.1","uri":"/","httpMethod":"PATCH"}}
                """);
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(99);
        assertThat(r.body().path("disposition_id").asInt()).isEqualTo(17);
        assertThat(AwsWafMapper.aclName("arn:aws:wafv2:us-east-1:1:regional/webacl/")).isNull();
    }
}
