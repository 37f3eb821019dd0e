package dev.watchfloor.ingest.normalize.vendor.sensor;

import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.normalize;
import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class SuricataEveMapperTest {

    @Test
    void alertBecomesADetectionFindingWithSignatureSeverityAndAttack() {
        NormalizedRecord r = one("""
                {"timestamp":"2026-11-28T03:04:05.123456+0000","flow_id":1186743209981234,"in_iface":"eth1",\
                "event_type":"alert","src_ip":"10.7.0.14","src_port":49822,"dest_ip":"198.51.100.66",\
                "dest_port":8443,"proto":"TCP","community_id":"1:q2Vf0x3XkE2pXl0vZQ8nA0w3bXw=",\
                "alert":{"action":"blocked","gid":1,"signature_id":2034567,"rev":4,\
                "signature":"ET MALWARE Cobalt Strike Beacon Observed","category":"A Network Trojan was detected",\
                "severity":1,"metadata":{"mitre_tactic_id":["TA0011"],"mitre_tactic_name":["Command_And_Control"],\
                "mitre_technique_id":["T1071.001"],"mitre_technique_name":["Web_Protocols"]}},\
                "app_proto":"tls","host":"ids-edge-1"}
                """);
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("suricata");
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("type_uid").asLong()).isEqualTo(200401);
        assertThat(r.title()).isEqualTo("ET MALWARE Cobalt Strike Beacon Observed");
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/finding_info/analytic/uid").asText()).isEqualTo("2034567");
        assertThat(e.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1071.001");
        assertThat(e.at("/finding_info/attacks/0/tactic/uid").asText()).isEqualTo("TA0011");
        assertThat(e.path("disposition_id").asInt()).isEqualTo(2);
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("10.7.0.14");
        assertThat(e.at("/dst_endpoint/port").asInt()).isEqualTo(8443);
        assertThat(e.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(e.path("time").asLong()).isEqualTo(1795835045123L);
        assertThat(e.at("/unmapped/in_iface").asText()).isEqualTo("eth1");
    }

    @Test
    void severityTwoAndThreeAreMediumAndLow() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"timestamp":"2026-11-28T03:04:05.000000+0000","flow_id":1,"event_type":"alert","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","proto":"UDP","alert":{"action":"allowed","signature_id":1,"signature":"two","severity":2}}
                        {"timestamp":"2026-11-28T03:04:06.000000+0000","flow_id":2,"event_type":"alert","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","proto":"UDP","alert":{"action":"allowed","signature_id":2,"signature":"three","severity":3}}
                        """,
                false);

        assertThat(rs).extracting(r -> r.body().path("severity_id").asInt()).containsExactly(3, 2);
        assertThat(rs.get(0).body().path("action_id").asInt()).isEqualTo(1);
    }

    @Test
    void dnsFlowAndFileinfoGoToTheirNetworkClasses() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"timestamp":"2026-11-28T03:04:05.100000+0000","flow_id":11,"event_type":"dns","src_ip":"10.7.0.14","src_port":53001,"dest_ip":"10.7.0.1","dest_port":53,"proto":"UDP","dns":{"version":2,"type":"answer","id":3101,"rrname":"cdn.example.net","rrtype":"A","rcode":"NOERROR","answers":[{"rrname":"cdn.example.net","rrtype":"A","ttl":120,"rdata":"203.0.113.7"}]}}
                        {"timestamp":"2026-11-28T03:04:06.000000+0000","flow_id":12,"event_type":"flow","src_ip":"10.7.0.14","src_port":49900,"dest_ip":"203.0.113.7","dest_port":443,"proto":"TCP","app_proto":"tls","flow":{"pkts_toserver":9,"pkts_toclient":7,"bytes_toserver":1200,"bytes_toclient":5400,"start":"2026-11-28T03:03:00.000000+0000","end":"2026-11-28T03:04:00.000000+0000","age":60,"state":"closed","reason":"timeout","alerted":false}}
                        {"timestamp":"2026-11-28T03:04:07.000000+0000","flow_id":13,"event_type":"fileinfo","src_ip":"203.0.113.7","src_port":80,"dest_ip":"10.7.0.14","dest_port":49901,"proto":"TCP","http":{"hostname":"dl.example.net","url":"/tool.exe"},"direction":"to_client","fileinfo":{"filename":"/tool.exe","magic":"PE32 executable","state":"CLOSED","sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","stored":false,"size":0,"tx_id":0}}
                        """,
                false);

        JsonNode dns = rs.get(0).body();
        assertThat(dns.path("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.path("activity_id").asInt()).isEqualTo(2);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("cdn.example.net");
        assertThat(dns.at("/answers/0/rdata").asText()).isEqualTo("203.0.113.7");
        assertThat(dns.path("status_id").asInt()).isEqualTo(1);
        JsonNode flow = rs.get(1).body();
        assertThat(flow.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(flow.path("activity_id").asInt()).isEqualTo(2);
        assertThat(flow.at("/traffic/bytes").asLong()).isEqualTo(6600);
        assertThat(flow.path("start_time").asLong()).isEqualTo(1795834980000L);
        assertThat(flow.path("end_time").asLong()).isEqualTo(1795835040000L);
        NormalizedRecord file = rs.get(2);
        assertThat(file.body().path("class_uid").asInt()).isEqualTo(4010);
        assertThat(file.body().at("/file/name").asText()).isEqualTo("tool.exe");
        assertThat(file.entities()).contains("hash:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void httpEventMethodAndStatus() {
        JsonNode e = one("""
                {"timestamp":"2026-11-28T03:04:08.000000+0000","flow_id":14,"event_type":"http","src_ip":"10.7.0.14",\
                "src_port":49902,"dest_ip":"192.0.2.80","dest_port":80,"proto":"TCP","tx_id":0,\
                "http":{"hostname":"portal.example.com","url":"/login?next=/","http_user_agent":"Mozilla/5.0",\
                "http_method":"GET","protocol":"HTTP/1.1","status":302,"length":0}}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(4002);
        assertThat(e.path("activity_id").asInt()).isEqualTo(3);
        assertThat(e.at("/http_request/url/path").asText()).isEqualTo("/login");
        assertThat(e.at("/http_response/code").asInt()).isEqualTo(302);
    }

    @Test
    void tlsAnomalyAndDropEventsKeepTheirDetails() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"timestamp":"2026-11-28T03:04:09.000000+0000","flow_id":15,"event_type":"tls","src_ip":"10.7.0.14","src_port":49903,"dest_ip":"203.0.113.44","dest_port":443,"proto":"TCP","tls":{"subject":"CN=files.example.net","issuerdn":"CN=Example CA","serial":"01:AB","fingerprint":"aa:bb:cc","sni":"files.example.net","version":"TLS 1.3","ja3":{"hash":"e7d705a3286e19ea42f587b344ee6865"},"ja3s":{"hash":"f4febc55ea12b31ae17cfb7e614afda8"}}}
                        {"timestamp":"2026-11-28T03:04:10.000000+0000","flow_id":16,"event_type":"anomaly","src_ip":"10.7.0.14","src_port":49904,"dest_ip":"203.0.113.45","dest_port":80,"proto":"TCP","anomaly":{"type":"applayer","event":"APPLAYER_DETECT_PROTOCOL_ONLY_ONE_DIRECTION","layer":"proto_detect"}}
                        {"timestamp":"2026-11-28T03:04:11.000000+0000","flow_id":17,"event_type":"drop","src_ip":"198.51.100.200","src_port":6000,"dest_ip":"10.7.0.14","dest_port":3389,"proto":"TCP","drop":{"len":60,"reason":"rules"}}
                        """,
                false);

        JsonNode tls = rs.get(0).body();
        assertThat(tls.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(tls.at("/tls/sni").asText()).isEqualTo("files.example.net");
        assertThat(tls.at("/tls/ja3_hash/value").asText()).isEqualTo("e7d705a3286e19ea42f587b344ee6865");
        assertThat(tls.at("/tls/certificate/issuer").asText()).isEqualTo("CN=Example CA");
        assertThat(rs.get(1).title()).isEqualTo("APPLAYER_DETECT_PROTOCOL_ONLY_ONE_DIRECTION");
        JsonNode drop = rs.get(2).body();
        assertThat(drop.path("activity_id").asInt()).isEqualTo(5);
        assertThat(drop.path("disposition_id").asInt()).isEqualTo(2);
    }
}
