package dev.watchfloor.ingest.normalize.vendor.sensor;

import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.normalize;
import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class ZeekMapperTest {

    @Test
    void connLogBecomesNetworkActivityClosedWithTrafficAndDirection() {
        NormalizedRecord r = one("""
                {"ts":1795835045.25,"uid":"CzT1a4bQx9","id.orig_h":"10.20.0.7","id.orig_p":51544,\
                "id.resp_h":"198.51.100.23","id.resp_p":443,"proto":"tcp","service":"ssl","duration":12.5,\
                "orig_bytes":900,"resp_bytes":4100,"conn_state":"SF","local_orig":true,"local_resp":false,\
                "missed_bytes":0,"history":"ShADadFf","orig_pkts":12,"resp_pkts":10}
                """);
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("zeek");
        assertThat(e.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(e.path("activity_id").asInt()).isEqualTo(2);
        assertThat(e.path("type_uid").asLong()).isEqualTo(400102);
        assertThat(e.path("time").asLong()).isEqualTo(1795835045250L);
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("10.20.0.7");
        assertThat(e.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(e.at("/traffic/bytes").asLong()).isEqualTo(5000);
        assertThat(e.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(e.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(e.path("duration").asLong()).isEqualTo(12500);
        assertThat(e.path("start_time").asLong()).isEqualTo(1795835045250L);
        assertThat(e.path("end_time").asLong()).isEqualTo(1795835057750L);
        assertThat(e.at("/metadata/uid").asText()).isEqualTo("CzT1a4bQx9");
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("Zeek");
        assertThat(e.at("/unmapped/history").asText()).isEqualTo("ShADadFf");
        assertThat(e.at("/unmapped/id.orig_h").isMissingNode()).isTrue();
    }

    @Test
    void rejectedAndUnansweredConnectionsAreRefuseAndFail() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"ts":1795835045.0,"uid":"C1","id.orig_h":"10.0.0.5","id.orig_p":40000,"id.resp_h":"10.0.0.9","id.resp_p":23,"proto":"tcp","conn_state":"REJ"}
                        {"ts":1795835046.0,"uid":"C2","id.orig_h":"10.0.0.5","id.orig_p":40001,"id.resp_h":"10.0.0.9","id.resp_p":25,"proto":"tcp","conn_state":"S0"}
                        """,
                false);

        assertThat(rs).extracting(r -> r.body().path("activity_id").asInt()).containsExactly(5, 4);
    }

    @Test
    void isoTimestampsAndTimesBefore1990AreReadAsZeekWritesThem() {
        NormalizedRecord iso = one("""
                {"_path":"conn","ts":"2026-11-28T03:04:05.123456Z","uid":"C3","id.orig_h":"10.0.0.1",\
                "id.orig_p":1,"id.resp_h":"10.0.0.2","id.resp_p":2,"proto":"udp","conn_state":"S0"}
                """);
        NormalizedRecord old = one("""
                {"ts":629503200.0,"uid":"C4","id.orig_h":"10.0.0.1","id.orig_p":5,"id.resp_h":"10.0.0.2",\
                "id.resp_p":53,"proto":"udp","conn_state":"S0","orig_pkts":1,"resp_pkts":0}
                """);

        assertThat(iso.body().path("time").asLong()).isEqualTo(1795835045123L);
        assertThat(old.body().path("time").asLong()).isEqualTo(629503200000L);
    }

    @Test
    void dnsLogCarriesQueryRcodeAndAnswersWithTtls() {
        JsonNode e = one("""
                {"ts":1795835045.5,"uid":"CdNs1","id.orig_h":"10.1.1.4","id.orig_p":53211,"id.resp_h":"10.1.1.1",\
                "id.resp_p":53,"proto":"udp","trans_id":4711,"rtt":0.012,"query":"updates.example.org",\
                "qclass":1,"qclass_name":"C_INTERNET","qtype":1,"qtype_name":"A","rcode":0,"rcode_name":"NOERROR",\
                "AA":false,"TC":false,"RD":true,"RA":true,"Z":0,"answers":["203.0.113.10","203.0.113.11"],\
                "TTLs":[60.0,60.0],"rejected":false}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(4003);
        assertThat(e.at("/query/hostname").asText()).isEqualTo("updates.example.org");
        assertThat(e.at("/query/type").asText()).isEqualTo("A");
        assertThat(e.path("rcode").asText()).isEqualTo("NOERROR");
        assertThat(e.path("rcode_id").asInt()).isZero();
        assertThat(e.path("status_id").asInt()).isEqualTo(1);
        assertThat(e.at("/answers/1/rdata").asText()).isEqualTo("203.0.113.11");
        assertThat(e.at("/answers/0/ttl").asLong()).isEqualTo(60);
        assertThat(e.at("/answers/0/flag_ids").toString()).isEqualTo("[3,4]");
        assertThat(e.path("response_time").asLong()).isEqualTo(12);
    }

    @Test
    void nxdomainIsAFailedDnsResponse() {
        JsonNode e = one("""
                {"ts":1795835045.5,"uid":"CdNs2","id.orig_h":"10.1.1.4","id.orig_p":53212,"id.resp_h":"10.1.1.1",\
                "id.resp_p":53,"proto":"udp","trans_id":4712,"query":"nope.example.org","rcode":3,\
                "rcode_name":"NXDOMAIN","AA":false,"TC":false,"RD":true,"RA":true,"Z":0,"rejected":false}
                """).body();

        assertThat(e.path("rcode_id").asInt()).isEqualTo(3);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
    }

    @Test
    void httpLogMethodBecomesTheActivityAndTheUrlIsSplit() {
        JsonNode e = one("""
                {"ts":1795835045.7,"uid":"CHt1","id.orig_h":"10.2.0.15","id.orig_p":50110,"id.resp_h":"192.0.2.80",\
                "id.resp_p":80,"trans_depth":1,"method":"POST","host":"intranet.example.com",\
                "uri":"/upload.php?id=7","version":"1.1","user_agent":"curl/8.4.0","request_body_len":2048,\
                "response_body_len":17,"status_code":403,"status_msg":"Forbidden","tags":[]}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(4002);
        assertThat(e.path("activity_id").asInt()).isEqualTo(6);
        assertThat(e.at("/http_request/url/hostname").asText()).isEqualTo("intranet.example.com");
        assertThat(e.at("/http_request/url/path").asText()).isEqualTo("/upload.php");
        assertThat(e.at("/http_request/url/query_string").asText()).isEqualTo("id=7");
        assertThat(e.at("/http_request/user_agent").asText()).isEqualTo("curl/8.4.0");
        assertThat(e.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
    }

    @Test
    void sshLogAuthSuccessGivesTheStatus() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"ts":1795835046.1,"uid":"CSsh1","id.orig_h":"203.0.113.50","id.orig_p":40022,"id.resp_h":"10.3.0.4","id.resp_p":22,"version":2,"auth_success":false,"auth_attempts":6,"direction":"INBOUND","client":"SSH-2.0-libssh_0.9.6","server":"SSH-2.0-OpenSSH_9.3","hassh":"0df0d56bb50c6b2426d8d40234bf1826"}
                        {"ts":1795835047.1,"uid":"CSsh2","id.orig_h":"10.3.0.9","id.orig_p":40023,"id.resp_h":"10.3.0.4","id.resp_p":22,"version":2,"auth_success":true,"auth_attempts":1,"client":"SSH-2.0-OpenSSH_9.3","server":"SSH-2.0-OpenSSH_9.3"}
                        """,
                false);

        JsonNode failed = rs.get(0).body();
        assertThat(failed.path("class_uid").asInt()).isEqualTo(4007);
        assertThat(failed.path("status_id").asInt()).isEqualTo(2);
        assertThat(failed.path("count").asInt()).isEqualTo(6);
        assertThat(failed.at("/connection_info/direction_id").asInt()).isEqualTo(1);
        assertThat(failed.at("/client_hassh/fingerprint/value").asText()).isEqualTo("0df0d56bb50c6b2426d8d40234bf1826");
        assertThat(rs.get(1).body().path("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void noticeLogIsADetectionFindingWithItsEndpoints() {
        NormalizedRecord r = one(
                """
                        {"ts":1795835048.0,"note":"Scan::Port_Scan","msg":"10.9.9.9 scanned at least 15 unique ports of host 10.4.0.2 in 0m2s",\
                        "sub":"local","src":"10.9.9.9","dst":"10.4.0.2","peer_descr":"worker-1",\
                        "actions":["Notice::ACTION_LOG"],"suppress_for":3600.0}
                        """);
        JsonNode e = r.body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.at("/finding_info/analytic/name").asText()).isEqualTo("Scan::Port_Scan");
        assertThat(r.title()).startsWith("10.9.9.9 scanned");
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("10.9.9.9");
        assertThat(e.at("/dst_endpoint/ip").asText()).isEqualTo("10.4.0.2");
        assertThat(r.entities()).contains("ip:10.9.9.9", "ip:10.4.0.2");
    }

    @Test
    void filesLogKeepsHashesAsFileFingerprints() {
        NormalizedRecord r = one("""
                {"ts":1795835049.0,"fuid":"FhQ3b21","uid":"CHt1","id.orig_h":"10.2.0.15","id.orig_p":50110,\
                "id.resp_h":"192.0.2.80","id.resp_p":80,"source":"HTTP","depth":0,"analyzers":["MD5","SHA1"],\
                "mime_type":"application/x-dosexec","filename":"setup.exe","is_orig":false,"seen_bytes":1024,\
                "total_bytes":1024,"md5":"9e107d9d372bb6826bd81d3542a419d6",\
                "sha1":"2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"}
                """);

        assertThat(r.body().path("class_uid").asInt()).isEqualTo(4010);
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(2);
        assertThat(r.body().at("/file/name").asText()).isEqualTo("setup.exe");
        assertThat(r.entities()).contains("hash:9e107d9d372bb6826bd81d3542a419d6",
                "hash:2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
    }

    @Test
    void kerberosAndNtlmAreAuthenticationOfTheNamedAccount() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"ts":1795835050.0,"uid":"CKrb","id.orig_h":"10.5.0.21","id.orig_p":49811,"id.resp_h":"10.5.0.2","id.resp_p":88,"request_type":"AS","client":"jsmith/CORP.EXAMPLE","service":"krbtgt/CORP.EXAMPLE","success":false,"error_msg":"KDC_ERR_PREAUTH_FAILED"}
                        {"ts":1795835051.0,"uid":"CNtl","id.orig_h":"10.5.0.21","id.orig_p":49812,"id.resp_h":"10.5.0.3","id.resp_p":445,"username":"jsmith","hostname":"WS-021","domainname":"CORP","server_nb_computer_name":"FS01","success":true}
                        """,
                false);

        JsonNode krb = rs.get(0).body();
        assertThat(krb.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(krb.path("activity_id").asInt()).isEqualTo(3);
        assertThat(krb.at("/user/name").asText()).isEqualTo("jsmith");
        assertThat(krb.path("status_id").asInt()).isEqualTo(2);
        JsonNode ntlm = rs.get(1).body();
        assertThat(ntlm.at("/user/name").asText()).isEqualTo("jsmith");
        assertThat(ntlm.at("/src_endpoint/hostname").asText()).isEqualTo("WS-021");
        assertThat(ntlm.path("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void logTypesWithoutPathAreToldApartByTheirFields() {
        List<NormalizedRecord> rs = normalize(
                """
                        {"ts":1795835052.0,"uid":"CRdp","id.orig_h":"10.6.0.8","id.orig_p":50001,"id.resp_h":"10.6.0.40","id.resp_p":3389,"cookie":"adm.k","result":"Success","security_protocol":"HYBRID"}
                        {"ts":1795835053.0,"uids":["CDh1"],"client_addr":"10.6.0.77","server_addr":"10.6.0.1","mac":"02:42:ac:11:00:02","host_name":"printer-3","msg_types":["REQUEST","ACK"],"lease_time":86400.0,"duration":0.01}
                        {"ts":1795835054.0,"uid":"CSmb","id.orig_h":"10.6.0.8","id.orig_p":50002,"id.resp_h":"10.6.0.40","id.resp_p":445,"path":"\\\\\\\\FS01\\\\C$","share_type":"DISK"}
                        {"ts":1795835055.0,"uid":"CSsl","id.orig_h":"10.6.0.8","id.orig_p":50003,"id.resp_h":"198.51.100.9","id.resp_p":443,"version":"TLSv13","cipher":"TLS_AES_128_GCM_SHA256","server_name":"login.example.net","resumed":false,"established":true,"ssl_history":"CsiI"}
                        """,
                false);

        assertThat(rs).extracting(r -> r.body().path("class_uid").asInt()).containsExactly(4005, 4004, 4006, 4001);
        assertThat(rs.get(1).body().path("activity_id").asInt()).isEqualTo(5);
        assertThat(rs.get(1).body().at("/src_endpoint/hostname").asText()).isEqualTo("printer-3");
        assertThat(rs.get(2).body().path("share").asText()).isEqualTo("\\\\FS01\\C$");
        assertThat(rs.get(3).body().at("/tls/sni").asText()).isEqualTo("login.example.net");
    }

    @Test
    void tsvLogsNormalizeLikeTheirJson() {
        List<NormalizedRecord> rs = normalize(String.join("\n", "#separator \\x09", "#set_separator\t,",
                "#empty_field\t(empty)", "#unset_field\t-", "#path\tconn",
                "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state\torig_bytes",
                "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tcount",
                "1795835045.500000\tCt1\t10.0.0.5\t51000\t192.0.2.10\t443\ttcp\tRSTO\t-", "#close\tx", ""),
                false);

        assertThat(rs).hasSize(1);
        JsonNode e = rs.get(0).body();
        assertThat(rs.get(0).source()).isEqualTo("zeek");
        assertThat(rs.get(0).format()).isEqualTo("tsv");
        assertThat(e.path("activity_id").asInt()).isEqualTo(3);
        assertThat(e.path("time").asLong()).isEqualTo(1795835045500L);
        assertThat(e.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(e.has("traffic")).isFalse();
    }

    @Test
    void corelightPathVariantsMapAsTheirBaseLog() {
        JsonNode e = one("""
                {"_path":"conn_long","_system_name":"sensor-9","ts":"2026-11-28T03:00:00Z","uid":"CLong",\
                "id.orig_h":"10.0.0.5","id.orig_p":52000,"id.resp_h":"192.0.2.10","id.resp_p":22,"proto":"tcp",\
                "conn_state":"S1"}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(e.path("activity_id").asInt()).isEqualTo(1);
        assertThat(e.at("/metadata/loggers/0/name").asText()).isEqualTo("sensor-9");
    }

    @Test
    void corelightSuricataAlertsInAZeekLogAreDetectionFindings() {
        NormalizedRecord r = one(
                """
                        {"_path":"suricata_corelight","ts":"2026-11-28T03:05:00.000000Z","uid":"CSur1",\
                        "id.orig_h":"10.0.0.5","id.orig_p":52001,"id.resp_h":"192.0.2.10","id.resp_p":80,\
                        "alert.action":"allowed","alert.signature_id":2100498,"alert.signature":"GPL ATTACK_RESPONSE id check returned root",\
                        "alert.category":"Potentially Bad Traffic","alert.severity":2,"service":"http"}
                        """);

        assertThat(r.body().path("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.body().path("severity_id").asInt()).isEqualTo(3);
        assertThat(r.title()).isEqualTo("GPL ATTACK_RESPONSE id check returned root");
        assertThat(r.source()).isEqualTo("zeek");
    }
}
