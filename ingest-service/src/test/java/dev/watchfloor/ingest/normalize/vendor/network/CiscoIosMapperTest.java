package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class CiscoIosMapperTest {

    private static JsonNode event(String line) {
        NormalizedRecord r = Fixtures.normalize(line);
        assertThat(r.source()).isEqualTo("cisco-ios");
        return r.body();
    }

    @Test
    void loggedCommandFromARelayedLineIsApiActivity() {
        JsonNode e = event("10.20.30.40 1201: Nov 27 21:00:01.250: %PARSER-5-CFGLOG_LOGGEDCMD: User:netops  logged "
                + "command:interface GigabitEthernet1/0/7");

        assertThat(at(e, "class_uid")).isEqualTo("6003");
        assertThat(at(e, "actor.user.name")).isEqualTo("netops");
        assertThat(at(e, "api.operation")).isEqualTo("interface GigabitEthernet1/0/7");
        assertThat(at(e, "device.ip")).isEqualTo("10.20.30.40");
        assertThat(at(e, "time_dt")).isEqualTo("2026-11-27T21:00:01.250Z");
        assertThat(at(e, "severity_id")).isEqualTo("2");
        assertThat(at(e, "metadata.event_code")).isEqualTo("PARSER-5-CFGLOG_LOGGEDCMD");
    }

    @Test
    void loginsAndAccessListHitsInSyslog() {
        JsonNode failed = event("<188>Nov 27 21:01:00 core-sw1 88: Nov 27 21:01:00: %SEC_LOGIN-4-LOGIN_FAILED: Login "
                + "failed [user: admin] [Source: 192.0.2.61] [localport: 22] [Reason: Login Authentication Failed] at "
                + "21:01:00 UTC Fri Nov 27 2026");
        JsonNode acl = event("<190>Nov 27 21:02:00 edge-r1 89: Nov 27 21:02:00: %SEC-6-IPACCESSLOGP: list OUTSIDE-IN "
                + "denied tcp 198.51.100.9(40000) -> 10.0.0.1(23), 1 packet");
        JsonNode other = event("<189>Nov 27 21:03:00 core-sw1 90: Nov 27 21:03:00: %LINK-3-UPDOWN: Interface "
                + "GigabitEthernet1/0/7, changed state to down");

        assertThat(at(failed, "class_uid")).isEqualTo("3002");
        assertThat(at(failed, "status_id")).isEqualTo("2");
        assertThat(at(failed, "user.name")).isEqualTo("admin");
        assertThat(at(failed, "src_endpoint.ip")).isEqualTo("192.0.2.61");
        assertThat(at(failed, "device.hostname")).isEqualTo("core-sw1");
        assertThat(at(acl, "activity_id")).isEqualTo("5");
        assertThat(at(acl, "dst_endpoint.port")).isEqualTo("23");
        assertThat(at(acl, "firewall_rule.name")).isEqualTo("OUTSIDE-IN");
        assertThat(at(other, "class_uid")).isEqualTo("0");
        assertThat(at(other, "severity_id")).isEqualTo("4");
    }
}
