package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

/** PAN-OS CSV lines composed from the documented field order of the 10.x/11.x syslog field descriptions. */
class PanOsMapperTest {

    private static final String HEADER = "<14>Nov 28 04:00:00 PA-3220 ";

    /** A CSV line of {@code size} fields, the common head set, the rest from {@code values} (position: value). */
    private static String line(String type, String subtype, int size, Map<Integer, String> values) {
        String[] f = new String[size];
        Arrays.fill(f, "");
        f[0] = "1";
        f[1] = "2026/11/28 04:00:00";
        f[2] = "013201000123";
        f[3] = type;
        f[4] = subtype;
        f[5] = "2561";
        f[6] = "2026/11/28 03:59:58";
        values.forEach((i, v) -> f[i] = v);
        return HEADER + String.join(",", f);
    }

    private static JsonNode event(String line) {
        NormalizedRecord r = Fixtures.normalize(line);
        assertThat(r.source()).isEqualTo("panos");
        return r.body();
    }

    @Test
    void trafficEndIsAClosedConnectionWithEndpointsRuleUserAndBytes() {
        JsonNode e = event(line("TRAFFIC", "end", 60, Map.ofEntries(Map.entry(7, "10.10.1.5"),
                Map.entry(8, "203.0.113.80"), Map.entry(11, "allow-web"), Map.entry(12, "corp\\alice"),
                Map.entry(14, "ssl"), Map.entry(16, "trust"), Map.entry(17, "untrust"), Map.entry(18, "ethernet1/2"),
                Map.entry(19, "ethernet1/1"), Map.entry(22, "44501"), Map.entry(24, "53211"), Map.entry(25, "443"),
                Map.entry(29, "tcp"), Map.entry(30, "allow"), Map.entry(31, "9000"), Map.entry(32, "1000"),
                Map.entry(33, "8000"), Map.entry(36, "12"), Map.entry(46, "tcp-fin"), Map.entry(52, "PA-3220-a"))));

        assertThat(at(e, "class_uid")).isEqualTo("4001");
        assertThat(at(e, "activity_id")).isEqualTo("2");
        assertThat(at(e, "status_id")).isEqualTo("1");
        assertThat(at(e, "time_dt")).isEqualTo("2026-11-28T03:59:58Z");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("10.10.1.5");
        assertThat(at(e, "src_endpoint.port")).isEqualTo("53211");
        assertThat(at(e, "src_endpoint.zone")).isEqualTo("trust");
        assertThat(at(e, "dst_endpoint.ip")).isEqualTo("203.0.113.80");
        assertThat(at(e, "dst_endpoint.port")).isEqualTo("443");
        assertThat(at(e, "firewall_rule.name")).isEqualTo("allow-web");
        assertThat(at(e, "actor.user.name")).isEqualTo("corp\\alice");
        assertThat(at(e, "traffic.bytes_out")).isEqualTo("1000");
        assertThat(at(e, "duration")).isEqualTo("12000");
        assertThat(at(e, "device.hostname")).isEqualTo("PA-3220-a");
        assertThat(at(e, "metadata.product.name")).isEqualTo("PAN-OS");
    }

    @Test
    void trafficDenyIsRefused() {
        JsonNode e = event(line("TRAFFIC", "deny", 60, Map.of(7, "198.51.100.3", 8, "10.10.1.9", 24, "40000", 25,
                "3389", 29, "tcp", 30, "deny")));

        assertThat(at(e, "activity_id")).isEqualTo("5");
        assertThat(at(e, "status_id")).isEqualTo("2");
        assertThat(at(e, "disposition_id")).isEqualTo("2");
    }

    @Test
    void threatIsADetectionFindingWithThreatNameSeverityAndFile() {
        JsonNode e = event(line("THREAT", "virus", 80, Map.ofEntries(Map.entry(7, "203.0.113.80"),
                Map.entry(8, "10.10.1.5"), Map.entry(24, "80"), Map.entry(25, "53300"), Map.entry(29, "tcp"),
                Map.entry(30, "reset-both"), Map.entry(31, "\"invoice,final.exe\""),
                Map.entry(32, "Virus/Win32.WGeneric.abcd(2345678)"), Map.entry(33, "any"),
                Map.entry(34, "critical"), Map.entry(35, "server-to-client"), Map.entry(36, "700123"),
                Map.entry(43, "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"),
                Map.entry(59, "PA-3220-a"))));

        assertThat(at(e, "class_uid")).isEqualTo("2004");
        assertThat(at(e, "finding_info.title")).isEqualTo("Virus/Win32.WGeneric.abcd");
        assertThat(at(e, "finding_info.analytic.uid")).isEqualTo("2345678");
        assertThat(at(e, "finding_info.uid")).isEqualTo("013201000123:700123");
        assertThat(at(e, "severity_id")).isEqualTo("5");
        assertThat(at(e, "file.name")).isEqualTo("invoice,final.exe");
        assertThat(at(e, "file.hashes.0.algorithm")).isEqualTo("SHA-256");
        assertThat(at(e, "disposition_id")).isEqualTo("2");
        assertThat(at(e, "device.hostname")).isEqualTo("PA-3220-a");
    }

    @Test
    void urlThreatIsNetworkActivityWithTheUrl() {
        JsonNode e = event(line("THREAT", "url", 80, Map.of(7, "10.10.1.5", 8, "203.0.113.90", 30, "block-url", 31,
                "bad.example.test/login", 33, "phishing", 34, "informational")));

        assertThat(at(e, "class_uid")).isEqualTo("4001");
        assertThat(at(e, "activity_id")).isEqualTo("5");
        assertThat(at(e, "url.url_string")).isEqualTo("bad.example.test/login");
        assertThat(at(e, "url.categories.0")).isEqualTo("phishing");
    }

    @Test
    void authLogsAreAuthentication() {
        JsonNode failed = event(line("AUTH", "", 40, Map.of(7, "vsys1", 8, "192.0.2.77", 9, "bob", 11, "gp-auth",
                18, "Invalid credentials", 20, "auth-fail", 29, "PA-3220-a", 31, "PAP")));
        JsonNode ok = event(line("AUTH", "", 40, Map.of(8, "192.0.2.78", 9, "carol", 20, "auth-success")));

        assertThat(at(failed, "class_uid")).isEqualTo("3002");
        assertThat(at(failed, "status_id")).isEqualTo("2");
        assertThat(at(failed, "user.name")).isEqualTo("bob");
        assertThat(at(failed, "src_endpoint.ip")).isEqualTo("192.0.2.77");
        assertThat(at(failed, "auth_protocol")).isEqualTo("PAP");
        assertThat(at(ok, "status_id")).isEqualTo("1");
    }

    @Test
    void globalProtectConfigAndSystemLogs() {
        JsonNode gp = event(line("GLOBALPROTECT", "globalprotect", 50, Map.of(8, "gateway-logout", 12, "dave", 14,
                "LAPTOP-7", 15, "198.51.100.40", 28, "success")));
        JsonNode config = event(line("CONFIG", "0", 26, Map.of(7, "10.0.0.50", 8, "vsys1", 9, "delete", 10, "admin",
                11, "Web", 12, "Submitted", 13, "vsys  vsys1 rulebase security rules old-rule")));
        JsonNode system = event(line("SYSTEM", "auth", 30, Map.of(8, "auth-fail", 13, "medium", 14,
                "User 'eve' failed authentication.  Reason: Invalid username/password From: 192.0.2.99.")));
        JsonNode general = event(line("SYSTEM", "general", 30, Map.of(8, "general", 13, "informational", 14,
                "Commit job 12 succeeded")));

        assertThat(at(gp, "activity_id")).isEqualTo("2");
        assertThat(at(gp, "user.name")).isEqualTo("dave");
        assertThat(at(gp, "src_endpoint.ip")).isEqualTo("198.51.100.40");
        assertThat(at(config, "class_uid")).isEqualTo("6003");
        assertThat(at(config, "activity_id")).isEqualTo("4");
        assertThat(at(config, "actor.user.name")).isEqualTo("admin");
        assertThat(at(config, "src_endpoint.ip")).isEqualTo("10.0.0.50");
        assertThat(at(system, "class_uid")).isEqualTo("3002");
        assertThat(at(system, "user.name")).isEqualTo("eve");
        assertThat(at(system, "src_endpoint.ip")).isEqualTo("192.0.2.99");
        assertThat(at(system, "status_id")).isEqualTo("2");
        assertThat(at(general, "class_uid")).isEqualTo("0");
        assertThat(at(general, "message")).isEqualTo("Commit job 12 succeeded");
    }

    @Test
    void userIdLoginIsAnObservedLogon() {
        JsonNode e = event(line("USERID", "login", 40, Map.of(8, "10.10.1.44", 9, "corp\\erin", 10, "dc01", 16,
                "active-directory")));

        assertThat(at(e, "class_uid")).isEqualTo("3002");
        assertThat(at(e, "activity_id")).isEqualTo("1");
        assertThat(at(e, "user.name")).isEqualTo("corp\\erin");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("10.10.1.44");
    }

    @Test
    void shortLinesStillGiveAnEvent() {
        JsonNode e = event(HEADER + "1,2026/11/28 04:00:00,0132,TRAFFIC,end");

        assertThat(at(e, "class_uid")).isEqualTo("4001");
        assertThat(at(e, "src_endpoint.ip")).isNull();
    }
}
