package dev.watchfloor.ingest.normalize.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

class TextFormatsTest {

    private static Parsed read(String line) {
        List<Piece> pieces = new RecordReader(65_536, 100_000).read(line.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).isQuarantined()).as("quarantined: %s", pieces.get(0).reason()).isFalse();
        return pieces.get(0).parsed();
    }

    @Test
    void readsRfc5424HeaderStructuredDataWithEscapesAndBom() {
        Parsed p = read("<165>1 2026-11-28T04:05:06.123Z web01.example.net billing 4711 ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"App \\\"Main\\\"\" path=\"C:\\\\tmp\\]\"][meta seq=\"9\"] "
                + "\uFEFFpayment settled for order 991");

        assertThat(p.format()).isEqualTo("syslog");
        JsonNode s = p.fields().get("syslog");
        assertThat(s.get("pri").asInt()).isEqualTo(165);
        assertThat(s.get("facility").asInt()).isEqualTo(20);
        assertThat(s.get("severity").asInt()).isEqualTo(5);
        assertThat(s.get("timestamp").asText()).isEqualTo("2026-11-28T04:05:06.123Z");
        assertThat(s.get("hostname").asText()).isEqualTo("web01.example.net");
        assertThat(s.get("app_name").asText()).isEqualTo("billing");
        assertThat(s.get("procid").asText()).isEqualTo("4711");
        assertThat(s.get("msgid").asText()).isEqualTo("ID47");
        JsonNode sd = s.get("structured_data");
        assertThat(sd.get("exampleSDID@32473").get("eventSource").asText()).isEqualTo("App \"Main\"");
        assertThat(sd.get("exampleSDID@32473").get("path").asText()).isEqualTo("C:\\tmp]");
        assertThat(sd.get("meta").get("seq").asText()).isEqualTo("9");
        assertThat(p.fields().get("message").asText()).isEqualTo("payment settled for order 991");
    }

    @Test
    void readsRfc5424NilValuesAndNoStructuredData() {
        Parsed p = read("<34>1 2026-11-28T04:05:06+01:00 - - - - - just text");

        JsonNode s = p.fields().get("syslog");
        assertThat(s.has("hostname")).isFalse();
        assertThat(s.has("app_name")).isFalse();
        assertThat(p.fields().get("message").asText()).isEqualTo("just text");
    }

    @Test
    void readsYearlessRfc3164WithAndWithoutPri() {
        Parsed withPri = read(
                "<38>Mar  3 07:08:09 bastion sshd[2211]: Accepted publickey for deploy from 10.9.8.7 port 50122 ssh2");
        Parsed bare = read("Mar 3 07:08:09 bastion CRON[88]: (root) CMD (run-parts /etc/cron.hourly)");

        assertThat(withPri.format()).isEqualTo("syslog");
        assertThat(withPri.fields().at("/syslog/timestamp").asText()).isEqualTo("Mar 3 07:08:09");
        assertThat(withPri.fields().at("/syslog/hostname").asText()).isEqualTo("bastion");
        assertThat(withPri.fields().at("/syslog/app_name").asText()).isEqualTo("sshd");
        assertThat(withPri.fields().at("/syslog/procid").asText()).isEqualTo("2211");
        assertThat(withPri.fields().get("message").asText()).startsWith("Accepted publickey for deploy");
        assertThat(bare.fields().at("/syslog/pri").isMissingNode()).isTrue();
        assertThat(bare.fields().at("/syslog/app_name").asText()).isEqualTo("CRON");
        assertThat(bare.fields().get("message").asText()).isEqualTo("(root) CMD (run-parts /etc/cron.hourly)");
    }

    @Test
    void readsCiscoAsaHeadersWithAYearAndWithoutAHostname() {
        Parsed withHost = read("<166>Jun 02 2025 10:11:12 fw-edge-1 : %ASA-6-302016: Teardown UDP connection 5 for "
                + "outside:192.0.2.1/53 to inside:10.0.0.5/5353 duration 0:00:00 bytes 120");
        Parsed noHost = read("<166>Jun 02 2025 10:11:12: %ASA-4-106023: Deny udp src outside:192.0.2.1/53 dst "
                + "inside:10.0.0.5/5353 by access-group \"acl_out\" [0x0, 0x0]");

        assertThat(withHost.fields().at("/syslog/timestamp").asText()).isEqualTo("Jun 02 2025 10:11:12");
        assertThat(withHost.fields().at("/syslog/hostname").asText()).isEqualTo("fw-edge-1");
        assertThat(withHost.fields().get("message").asText()).startsWith("%ASA-6-302016:");
        assertThat(noHost.fields().at("/syslog/hostname").isMissingNode()).isTrue();
        assertThat(noHost.fields().get("message").asText()).startsWith("%ASA-4-106023:");
    }

    @Test
    void readsCiscoHeadersWithALeadingColonAndAZoneName() {
        Parsed p = read("<166>:Jan 13 2026 15:51:28 MSK: %ASA-auth-6-113004: AAA user authentication Successful : "
                + "server = 10.1.1.1 : user = ivan");

        assertThat(p.fields().at("/syslog/timestamp").asText()).isEqualTo("Jan 13 2026 15:51:28");
        assertThat(p.fields().get("message").asText()).startsWith("%ASA-auth-6-113004:");
        assertThat(p.warnings()).anyMatch(w -> w.contains("MSK"));
    }

    @Test
    void readsRsyslogHighPrecisionTimestamps() {
        Parsed p = read("2026-11-28T05:06:07.123456+00:00 app02 sudo:    carol : TTY=pts/1 ; PWD=/srv ; USER=root ; "
                + "COMMAND=/usr/bin/systemctl restart nginx");

        assertThat(p.fields().at("/syslog/timestamp").asText()).isEqualTo("2026-11-28T05:06:07.123456+00:00");
        assertThat(p.fields().at("/syslog/hostname").asText()).isEqualTo("app02");
        assertThat(p.fields().at("/syslog/app_name").asText()).isEqualTo("sudo");
        assertThat(p.format()).isEqualTo("syslog");
    }

    @Test
    void readsCefWithHeaderAndExtensionEscapes() {
        Parsed p = read("CEF:0|Acme\\|Corp|Gate\\\\Keeper|2.1|ids:100|Port scan \\| sweep|7|src=198.51.100.7 "
                + "spt=4444 dst=10.1.2.3 msg=scan from a\\=b \\= c done cs1Label=Rule Name cs1=Sweep detect v2 "
                + "request=http://example.test/p?q=1&r=2");

        assertThat(p.format()).isEqualTo("cef");
        JsonNode cef = p.fields().get("cef");
        assertThat(cef.get("device_vendor").asText()).isEqualTo("Acme|Corp");
        assertThat(cef.get("device_product").asText()).isEqualTo("Gate\\Keeper");
        assertThat(cef.get("signature_id").asText()).isEqualTo("ids:100");
        assertThat(cef.get("name").asText()).isEqualTo("Port scan | sweep");
        assertThat(cef.get("severity").asText()).isEqualTo("7");
        JsonNode ext = p.fields().get("extension");
        assertThat(ext.get("src").asText()).isEqualTo("198.51.100.7");
        assertThat(ext.get("msg").asText()).isEqualTo("scan from a=b = c done");
        assertThat(ext.get("cs1Label").asText()).isEqualTo("Rule Name");
        assertThat(ext.get("cs1").asText()).isEqualTo("Sweep detect v2");
        assertThat(ext.get("request").asText()).isEqualTo("http://example.test/p?q=1&r=2");
    }

    @Test
    void readsCefInsideSyslog() {
        Parsed p = read(
                "<134>Feb 11 10:00:00 sensor-3 CEF:0|Vendor|Product|1.0|42|Login failed|5|suser=eve dvchost=sensor-3");

        assertThat(p.format()).isEqualTo("syslog+cef");
        assertThat(p.fields().at("/syslog/hostname").asText()).isEqualTo("sensor-3");
        assertThat(p.fields().at("/extension/suser").asText()).isEqualTo("eve");
    }

    @Test
    void malformedCefHeaderFallsBackToTextWithAWarning() {
        Parsed p = read("CEF:0|OnlyVendor|Product|1.0");

        assertThat(p.format()).isEqualTo("text");
        assertThat(p.fields().get("message").asText()).isEqualTo("CEF:0|OnlyVendor|Product|1.0");
        assertThat(p.warnings()).anyMatch(w -> w.contains("malformed CEF"));
    }

    @Test
    void readsLeef1WithTabsAndLeef2WithDeclaredDelimiters() {
        Parsed v1 = read("LEEF:1.0|Acme|Vault|3.2|LoginFail|src=10.0.0.9\tusrName=bob smith\tsev=6");
        Parsed hex = read("LEEF:2.0|Acme|Vault|3.2|Export|x7C|src=10.0.0.9|dst=10.0.0.10|usrName=ann");
        Parsed zeroX = read("LEEF:2.0|Acme|Vault|3.2|Export|0x5E|src=10.0.0.9^dstPort=443");
        Parsed caret = read("LEEF:2.0|Acme|Vault|3.2|Export|^|src=10.0.0.9^dstPort=443");

        assertThat(v1.format()).isEqualTo("leef");
        assertThat(v1.fields().at("/leef/event_id").asText()).isEqualTo("LoginFail");
        assertThat(v1.fields().at("/attributes/usrName").asText()).isEqualTo("bob smith");
        assertThat(hex.fields().at("/leef/delimiter").asText()).isEqualTo("|");
        assertThat(hex.fields().at("/attributes/dst").asText()).isEqualTo("10.0.0.10");
        assertThat(hex.fields().at("/attributes/usrName").asText()).isEqualTo("ann");
        assertThat(zeroX.fields().at("/attributes/dstPort").asText()).isEqualTo("443");
        assertThat(caret.fields().at("/attributes/dstPort").asText()).isEqualTo("443");
    }

    @Test
    void recoversOrWarnsOnMalformedLeef() {
        Parsed junk = read("LEEF:1.0|Acme|Vault|3.2|7|no pairs at all");
        Parsed empty = read("LEEF:1.0|Acme|Vault|3.2|7|key=");
        Parsed trailing = read("LEEF:1.0|Acme|Vault|3.2|7|key=value\t");
        Parsed shortHeader = read("LEEF:1.0|Acme|Vault");
        Parsed badDelimiter = read("LEEF:2.0|a|b|c|d|xZZ|");

        assertThat(junk.fields().get("message").asText()).isEqualTo("no pairs at all");
        assertThat(junk.warnings()).anyMatch(w -> w.contains("without key=value"));
        assertThat(empty.fields().at("/attributes/key").asText()).isEmpty();
        assertThat(empty.warnings()).anyMatch(w -> w.contains("no value"));
        assertThat(trailing.fields().at("/attributes/key").asText()).isEqualTo("value");
        assertThat(shortHeader.format()).isEqualTo("text");
        assertThat(shortHeader.warnings()).anyMatch(w -> w.contains("malformed LEEF"));
        assertThat(badDelimiter.format()).isEqualTo("leef");
        assertThat(badDelimiter.warnings()).anyMatch(w -> w.contains("xZZ"));
    }

    @Test
    void readsJsonAndKeyValueMessages() {
        Parsed json = read(
                "<14>Nov 28 05:00:00 k8s-node-2 audit[1]: {\"verb\":\"delete\",\"user\":{\"name\":\"ops\"}}");
        Parsed kv = read("<189>date=2026-11-28 time=05:00:00 devname=\"fw 1\" msg=\"User admin login\" level=notice");
        Parsed onlyKv = read("action=allow src=10.0.0.1 dst=10.0.0.2");

        assertThat(json.format()).isEqualTo("syslog+json");
        assertThat(json.fields().at("/user/name").asText()).isEqualTo("ops");
        assertThat(json.fields().at("/syslog/app_name").asText()).isEqualTo("audit");
        assertThat(kv.format()).isEqualTo("syslog+kv");
        assertThat(kv.fields().get("devname").asText()).isEqualTo("fw 1");
        assertThat(kv.fields().get("msg").asText()).isEqualTo("User admin login");
        assertThat(kv.fields().at("/syslog/pri").asInt()).isEqualTo(189);
        assertThat(onlyKv.format()).isEqualTo("kv");
        assertThat(onlyKv.fields().get("dst").asText()).isEqualTo("10.0.0.2");
    }

    @Test
    void readsTheInnerHeaderOfRelayedSyslogAndCeeJson() {
        Parsed relayed = read(
                "Nov 28 05:00:01 relay-1 412 <14>1 2026-11-28T05:00:00.500Z fw-9 logforwarder - panwlogs - "
                        + "hello from the firewall");
        Parsed counted = read("73 <13>1 2026-11-28T05:00:00Z host-a app - - - framed by an octet count");
        Parsed cee = read("<13>Nov 28 05:00:00 host-b app: @cee: {\"event\":\"login\",\"user\":\"zed\"}");

        assertThat(relayed.fields().at("/syslog/hostname").asText()).isEqualTo("fw-9");
        assertThat(relayed.fields().at("/syslog/app_name").asText()).isEqualTo("logforwarder");
        assertThat(relayed.fields().get("message").asText()).isEqualTo("hello from the firewall");
        assertThat(relayed.warnings()).anyMatch(w -> w.contains("relayed"));
        assertThat(counted.fields().at("/syslog/hostname").asText()).isEqualTo("host-a");
        assertThat(cee.format()).isEqualTo("syslog+json");
        assertThat(cee.fields().get("user").asText()).isEqualTo("zed");
    }

    @Test
    void repeatedKeysKeepEveryValue() {
        Parsed p = read("type=USER_LOGIN msg=audit(1795839000.123:881): pid=4242 uid=0 msg='op=login acct=\"root\" "
                + "addr=192.0.2.8 terminal=ssh res=failed'");

        assertThat(p.format()).isEqualTo("kv");
        assertThat(p.fields().get("msg").asText()).isEqualTo("audit(1795839000.123:881):");
        assertThat(p.fields().get("msg_2").asText())
                .isEqualTo("op=login acct=\"root\" addr=192.0.2.8 terminal=ssh res=failed");
    }

    @Test
    void oneKeyValuePairOrProseStaysText() {
        assertThat(read("status=ok").format()).isEqualTo("text");
        assertThat(read("the service restarted after an error").fields().get("message").asText())
                .isEqualTo("the service restarted after an error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<13>", "CEF:", "LEEF:", "LEEF:2.0|a|b|c|d|xZZ|", "<999>Nov 28 00:00:00 x y: z",
            "<13>1 ", "<13>1 - - - - - [unterminated", "<13>1 2026-11-28T00:00:00Z h a p m [x a=\"b", "%ASA-",
            "CEF:0|a|b|c|d|e|f|=== === =", "LEEF:1.0|a|b|c|d|\t\t\t=\t=", "{\"a\":", "a= b= c="})
    void neverThrowsOnOddLines(String line) {
        Parsed p = TextFormats.parse(line);

        assertThat(p.fields()).isNotNull();
        assertThat(p.raw()).isEqualTo(line);
    }

    @Test
    void readsRandomBytesAndVeryLongLinesWithoutThrowing() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            List<Piece> pieces = new RecordReader(65_536, 100_000).read(bytes, RecordReader.Hint.DETECT);
            assertThat(pieces).allSatisfy(p -> assertThat(p.isQuarantined() || p.parsed().fields() != null).isTrue());
        }
        String longCef = "CEF:0|v|p|1|id|n|5|" + "k=v ".repeat(50_000);
        String longEquals = "x" + "=".repeat(200_000);
        String longLeef = "LEEF:2.0|v|p|1|id|x7C|" + "a=b|".repeat(50_000);

        long start = System.nanoTime();
        assertThat(TextFormats.parse(longCef).format()).isEqualTo("cef");
        assertThat(TextFormats.parse(longEquals).format()).isEqualTo("text");
        assertThat(TextFormats.parse(longLeef).format()).isEqualTo("leef");
        assertThat(System.nanoTime() - start).as("linear time").isLessThan(5_000_000_000L);
    }
}
