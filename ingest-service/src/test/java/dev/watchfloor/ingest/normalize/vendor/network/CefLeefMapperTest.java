package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class CefLeefMapperTest {

    @Test
    void cefTrafficEventMapsHeaderAndExtension() {
        NormalizedRecord r = Fixtures.normalize("<134>Nov 28 04:20:00 collector CEF:0|Acme|EdgeWall|5.1|3001|"
                + "Connection blocked|6|rt=1795839600000 src=198.51.100.20 spt=5050 dst=10.3.0.8 dpt=445 proto=TCP "
                + "act=blocked dvchost=edge-7 suser=svc_scan cs1Label=Rule Name cs1=Block SMB inbound");
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("cef");
        assertThat(at(e, "metadata.product.vendor_name")).isEqualTo("Acme");
        assertThat(at(e, "metadata.product.name")).isEqualTo("EdgeWall");
        assertThat(at(e, "metadata.event_code")).isEqualTo("3001");
        assertThat(at(e, "time_dt")).isEqualTo("2026-11-28T04:20:00Z");
        assertThat(at(e, "class_uid")).isEqualTo("4001");
        assertThat(at(e, "activity_id")).isEqualTo("5");
        assertThat(at(e, "severity_id")).isEqualTo("3");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("198.51.100.20");
        assertThat(at(e, "dst_endpoint.port")).isEqualTo("445");
        assertThat(at(e, "device.hostname")).isEqualTo("edge-7");
        assertThat(at(e, "actor.user.name")).isEqualTo("svc_scan");
        assertThat(at(e, "firewall_rule.name")).isEqualTo("Block SMB inbound");
        assertThat(at(e, "message")).isEqualTo("Connection blocked");
    }

    @Test
    void cefAuthenticationAndAlerts() {
        JsonNode auth = Fixtures.normalize("CEF:0|Acme|SSO|2|login-fail|User login failed|3|duser=frank "
                + "src=192.0.2.5 outcome=failure rt=Nov 28 2026 04:21:00").body();
        JsonNode alert = Fixtures.normalize("CEF:0|Acme|EDR|4|mal-77|Credential dumping detected|10|"
                + "externalId=A-991 shost=wks-12 fname=procdump.exe filePath=C:\\\\Tools\\\\procdump.exe "
                + "fileHash=0123456789abcdef0123456789abcdef", true).body();

        assertThat(at(auth, "class_uid")).isEqualTo("3002");
        assertThat(at(auth, "status_id")).isEqualTo("2");
        assertThat(at(auth, "user.name")).isEqualTo("frank");
        assertThat(at(auth, "time_dt")).isEqualTo("2026-11-28T04:21:00Z");
        assertThat(at(alert, "class_uid")).isEqualTo("2004");
        assertThat(at(alert, "finding_info.title")).isEqualTo("Credential dumping detected");
        assertThat(at(alert, "finding_info.uid")).isEqualTo("A-991");
        assertThat(at(alert, "severity_id")).isEqualTo("5");
        assertThat(at(alert, "file.path")).isEqualTo("C:\\Tools\\procdump.exe");
        assertThat(at(alert, "file.hashes.0.algorithm")).isEqualTo("MD5");
        assertThat(at(alert, "src_endpoint.hostname")).isEqualTo("wks-12");
    }

    @Test
    void cefFullKeyNamesAndDirection() {
        JsonNode e = Fixtures.normalize("CEF:0|Acme|Proxy|1|conn|Outbound connection|2|sourceAddress=10.7.7.7 "
                + "destinationAddress=203.0.113.77 destinationPort=8443 deviceDirection=1 sourceUserName=kim").body();

        assertThat(at(e, "src_endpoint.ip")).isEqualTo("10.7.7.7");
        assertThat(at(e, "dst_endpoint.port")).isEqualTo("8443");
        assertThat(at(e, "actor.user.name")).isEqualTo("kim");
        assertThat(at(e, "connection_info.direction_id")).isEqualTo("2");
        assertThat(at(e, "activity_id")).isEqualTo("6");
    }

    @Test
    void cefReceiptTimeWithAZoneName() {
        JsonNode e = Fixtures.normalize("CEF:0|Acme|App|1|x|Thing happened|1|rt=Nov 28 2026 06:30:00 CET").body();

        assertThat(at(e, "time_dt")).isEqualTo("2026-11-28T05:30:00Z");
    }

    @Test
    void unreadExtensionKeysLandInUnmapped() {
        JsonNode e = Fixtures.normalize("CEF:0|Acme|App|1|x|Thing happened|1|customKey=kept value").body();

        assertThat(at(e, "class_uid")).isEqualTo("0");
        assertThat(at(e, "unmapped.extension.customKey")).isEqualTo("kept value");
    }

    @Test
    void leefEventWithDevTimeFormat() {
        NormalizedRecord r = Fixtures.normalize("LEEF:2.0|Acme|Vault|3.2|UserLogin|^|cat=Authentication^"
                + "usrName=grace^src=192.0.2.31^sev=2^devTime=Nov 28 2026 04:30:00.000 UTC^"
                + "devTimeFormat=MMM dd yyyy HH:mm:ss.SSS z");
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("leef");
        assertThat(at(e, "class_uid")).isEqualTo("3002");
        assertThat(at(e, "user.name")).isEqualTo("grace");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("192.0.2.31");
        assertThat(at(e, "time_dt")).isEqualTo("2026-11-28T04:30:00Z");
        assertThat(at(e, "severity_id")).isEqualTo("2");
        assertThat(at(e, "metadata.product.name")).isEqualTo("Vault");
    }

    @Test
    void leefNetworkEventAndMalformedOnesStillMap() {
        JsonNode net = Fixtures.normalize("LEEF:1.0|Acme|Sensor|1.0|Flow|src=10.0.0.1\tdst=10.0.0.2\tsrcPort=999\t"
                + "dstPort=53\tproto=UDP\tdevTime=1795840200000").body();
        NormalizedRecord junk = Fixtures.normalize("LEEF:1.0|Acme|Sensor|1.0|Flow|nothing to see");

        assertThat(at(net, "class_uid")).isEqualTo("4001");
        assertThat(at(net, "dst_endpoint.port")).isEqualTo("53");
        assertThat(at(net, "time_dt")).isEqualTo("2026-11-28T04:30:00Z");
        assertThat(junk.body().path("class_uid").asInt()).isZero();
        assertThat(junk.title()).isEqualTo("nothing to see");
        assertThat(junk.warnings()).anyMatch(w -> w.contains("without key=value"));
    }
}
