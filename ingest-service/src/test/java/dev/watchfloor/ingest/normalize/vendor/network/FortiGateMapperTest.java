package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class FortiGateMapperTest {

    private static JsonNode event(String line) {
        NormalizedRecord r = Fixtures.normalize(line);
        assertThat(r.source()).isEqualTo("fortigate");
        return r.body();
    }

    @Test
    void trafficIsNetworkActivityWithEpochNanosecondTime() {
        JsonNode e = event("<189>date=2026-11-28 time=04:10:00 devname=\"FGT-HQ\" devid=\"FG100FTK00000001\" "
                + "eventtime=1795839000123456789 tz=\"+0000\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" "
                + "level=\"notice\" vd=\"root\" srcip=10.1.2.3 srcport=51000 srcintf=\"port2\" dstip=203.0.113.5 "
                + "dstport=443 dstintf=\"wan1\" sessionid=998877 proto=6 action=\"close\" policyid=12 "
                + "policyname=\"LAN-out\" service=\"HTTPS\" sentbyte=2048 rcvdbyte=10240 duration=31 user=\"alice\"");

        assertThat(at(e, "class_uid")).isEqualTo("4001");
        assertThat(at(e, "activity_id")).isEqualTo("2");
        assertThat(at(e, "time_dt")).isEqualTo("2026-11-28T04:10:00.123456789Z");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("10.1.2.3");
        assertThat(at(e, "dst_endpoint.port")).isEqualTo("443");
        assertThat(at(e, "connection_info.protocol_num")).isEqualTo("6");
        assertThat(at(e, "firewall_rule.name")).isEqualTo("LAN-out");
        assertThat(at(e, "actor.user.name")).isEqualTo("alice");
        assertThat(at(e, "device.hostname")).isEqualTo("FGT-HQ");
        assertThat(at(e, "severity_id")).isEqualTo("2");
        assertThat(at(e, "traffic.bytes_in")).isEqualTo("10240");
        assertThat(at(e, "duration")).isEqualTo("31000");
        assertThat(at(e, "disposition_id")).isEqualTo("1");
    }

    @Test
    void dateTimeAndZoneWhenThereIsNoEventTime() {
        JsonNode e = event(
                "date=2026-11-28 time=05:10:00 tz=\"+0100\" devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0000000013\" "
                        + "type=\"traffic\" subtype=\"local\" level=\"warning\" srcip=10.1.2.3 dstip=10.1.2.4 action=\"deny\"");

        assertThat(at(e, "time_dt")).isEqualTo("2026-11-28T04:10:00Z");
        assertThat(at(e, "activity_id")).isEqualTo("5");
        assertThat(at(e, "status_id")).isEqualTo("2");
        assertThat(at(e, "severity_id")).isEqualTo("3");
    }

    @Test
    void ipsAndVirusAreFindingsAndWebfilterIsHttpActivity() {
        JsonNode ips = event("date=2026-11-28 time=04:11:00 devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0419016384\" "
                + "type=\"utm\" subtype=\"ips\" eventtype=\"signature\" level=\"alert\" severity=\"critical\" "
                + "srcip=198.51.100.7 dstip=10.1.2.50 srcport=4444 dstport=80 attack=\"Apache.Struts.RCE\" "
                + "attackid=45678 action=\"dropped\" msg=\"web_server: Apache.Struts.RCE\"");
        JsonNode virus = event("date=2026-11-28 time=04:12:00 devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0211008192\" "
                + "type=\"utm\" subtype=\"virus\" level=\"warning\" srcip=203.0.113.5 dstip=10.1.2.3 "
                + "virus=\"EICAR_TEST_FILE\" virusid=2172 filename=\"eicar.com\" action=\"blocked\"");
        JsonNode web = event("date=2026-11-28 time=04:13:00 devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0316013056\" "
                + "type=\"utm\" subtype=\"webfilter\" level=\"warning\" srcip=10.1.2.3 dstip=203.0.113.9 "
                + "hostname=\"bad.example.test\" url=\"/payload\" catdesc=\"Malicious Websites\" action=\"blocked\"");

        assertThat(at(ips, "class_uid")).isEqualTo("2004");
        assertThat(at(ips, "finding_info.title")).isEqualTo("Apache.Struts.RCE");
        assertThat(at(ips, "finding_info.analytic.uid")).isEqualTo("45678");
        assertThat(at(ips, "severity_id")).isEqualTo("5");
        assertThat(at(ips, "disposition_id")).isEqualTo("2");
        assertThat(at(virus, "finding_info.title")).isEqualTo("EICAR_TEST_FILE");
        assertThat(at(virus, "file.name")).isEqualTo("eicar.com");
        assertThat(at(web, "class_uid")).isEqualTo("4002");
        assertThat(at(web, "http_request.url.url_string")).isEqualTo("bad.example.test/payload");
        assertThat(at(web, "status_id")).isEqualTo("2");
    }

    @Test
    void adminLoginsAreAuthenticationAndConfigChangesApiActivity() {
        JsonNode failed = event("date=2026-11-28 time=04:14:00 devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0100032002\" "
                + "type=\"event\" subtype=\"system\" level=\"alert\" user=\"admin\" srcip=192.0.2.200 "
                + "action=\"login\" status=\"failed\" reason=\"passwd_invalid\" logdesc=\"Admin login failed\" "
                + "msg=\"Administrator admin login failed from https(192.0.2.200) because of invalid password\"");
        JsonNode config = event("date=2026-11-28 time=04:15:00 devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0100044547\" "
                + "type=\"event\" subtype=\"system\" level=\"information\" user=\"admin\" ui=\"GUI(10.0.0.5)\" "
                + "action=\"Delete\" cfgpath=\"firewall.policy\" cfgobj=\"12\" logdesc=\"Object attribute configured\"");
        JsonNode other = event("date=2026-11-28 time=04:16:00 devname=\"FGT-HQ\" devid=\"FG1\" logid=\"0100020010\" "
                + "type=\"event\" subtype=\"system\" level=\"notice\" logdesc=\"FortiGate updated\" msg=\"Update done\"");

        assertThat(at(failed, "class_uid")).isEqualTo("3002");
        assertThat(at(failed, "status_id")).isEqualTo("2");
        assertThat(at(failed, "user.name")).isEqualTo("admin");
        assertThat(at(failed, "src_endpoint.ip")).isEqualTo("192.0.2.200");
        assertThat(at(config, "class_uid")).isEqualTo("6003");
        assertThat(at(config, "activity_id")).isEqualTo("4");
        assertThat(at(config, "actor.user.name")).isEqualTo("admin");
        assertThat(at(other, "class_uid")).isEqualTo("0");
        assertThat(at(other, "message")).isEqualTo("Update done");
    }
}
