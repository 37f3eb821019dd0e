package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class CiscoAsaMapperTest {

    private static final String HEADER = "<166>Nov 27 2026 22:15:01 asa-dc1 : ";

    private static JsonNode event(String message) {
        NormalizedRecord r = Fixtures.normalize(HEADER + message);
        assertThat(r.source()).isEqualTo("cisco-asa");
        return r.body();
    }

    @Test
    void mapsTheHeaderTimeHostSeverityAndProduct() {
        JsonNode e = event("%ASA-6-302015: Built inbound UDP connection 77 for outside:203.0.113.9/5060 "
                + "(203.0.113.9/5060) to dmz:10.20.0.4/5060 (198.51.100.4/5060)");

        assertThat(at(e, "time_dt")).isEqualTo("2026-11-27T22:15:01Z");
        assertThat(at(e, "device.hostname")).isEqualTo("asa-dc1");
        assertThat(at(e, "severity_id")).isEqualTo("1");
        assertThat(at(e, "metadata.event_code")).isEqualTo("302015");
        assertThat(at(e, "metadata.product.vendor_name")).isEqualTo("Cisco");
        assertThat(at(e, "metadata.product.name")).isEqualTo("Cisco ASA");
    }

    @Test
    void inboundConnectionsStartAtTheOutsideHostAndOutboundAtTheInsideHost() {
        JsonNode inbound = event("%ASA-6-302013: Built inbound TCP connection 901 for outside:203.0.113.9/51515 "
                + "(203.0.113.9/51515) to inside:10.1.1.20/443 (198.51.100.20/443)");
        JsonNode outbound = event("%ASA-6-302013: Built outbound TCP connection 902 for outside:93.184.216.34/443 "
                + "(93.184.216.34/443) to inside:10.1.1.21/60001 (198.51.100.21/60001)");

        assertThat(at(inbound, "activity_id")).isEqualTo("1");
        assertThat(at(inbound, "src_endpoint.ip")).isEqualTo("203.0.113.9");
        assertThat(at(inbound, "dst_endpoint.port")).isEqualTo("443");
        assertThat(at(inbound, "connection_info.direction_id")).isEqualTo("1");
        assertThat(at(inbound, "connection_info.uid")).isEqualTo("901");
        assertThat(at(outbound, "src_endpoint.ip")).isEqualTo("10.1.1.21");
        assertThat(at(outbound, "src_endpoint.interface_name")).isEqualTo("inside");
        assertThat(at(outbound, "dst_endpoint.ip")).isEqualTo("93.184.216.34");
        assertThat(at(outbound, "dst_endpoint.port")).isEqualTo("443");
        assertThat(at(outbound, "connection_info.direction_id")).isEqualTo("2");
    }

    @Test
    void teardownsCloseWithDurationBytesAndReason() {
        JsonNode e = event("%ASA-6-302014: Teardown TCP connection 902 for outside:93.184.216.34/443 to "
                + "inside:10.1.1.21/60001 duration 0:01:05 bytes 5120 TCP FINs");

        assertThat(at(e, "activity_id")).isEqualTo("2");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("10.1.1.21");
        assertThat(at(e, "dst_endpoint.port")).isEqualTo("443");
        assertThat(at(e, "duration")).isEqualTo("65000");
        assertThat(at(e, "traffic.bytes")).isEqualTo("5120");
        assertThat(at(e, "status_detail")).isEqualTo("TCP FINs");
    }

    @Test
    void icmpConnectionsUseForeignAndLocalAddresses() {
        JsonNode e = event("%ASA-6-302020: Built outbound ICMP connection for faddr 8.8.4.4/0 gaddr 198.51.100.30/7 "
                + "laddr 10.1.1.30/7 type 8 code 0");

        assertThat(at(e, "class_uid")).isEqualTo("4001");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("10.1.1.30");
        assertThat(at(e, "dst_endpoint.ip")).isEqualTo("8.8.4.4");
        assertThat(at(e, "connection_info.protocol_name")).isEqualTo("icmp");
    }

    @Test
    void deniesAreRefusedFailures() {
        JsonNode acl = event("%ASA-4-106023: Deny tcp src outside:198.51.100.66/40000 dst inside:10.1.1.5/22 "
                + "by access-group \"outside_in\" [0x1a2b, 0x0]");
        JsonNode inbound = event("%ASA-2-106001: Inbound TCP connection denied from 198.51.100.66/40001 to "
                + "10.1.1.5/23 flags SYN  on interface outside");
        JsonNode udp = event(
                "%ASA-2-106006: Deny inbound UDP from 198.51.100.66/53 to 10.1.1.5/1025 on interface outside");
        JsonNode dns = event(
                "%ASA-2-106007: Deny inbound UDP from 198.51.100.66/53 to 10.1.1.5/1026 due to DNS Response");
        JsonNode icmp = event(
                "%ASA-3-106014: Deny inbound icmp src outside:198.51.100.66 dst inside:10.1.1.5 (type 8, code 0)");
        JsonNode noConn = event("%ASA-6-106015: Deny TCP (no connection) from 10.1.1.5/443 to 198.51.100.66/40002 "
                + "flags RST  on interface inside");

        for (JsonNode e : new JsonNode[]{acl, inbound, udp, dns, icmp, noConn}) {
            assertThat(at(e, "class_uid")).isEqualTo("4001");
            assertThat(at(e, "activity_id")).isEqualTo("5");
            assertThat(at(e, "status_id")).isEqualTo("2");
        }
        assertThat(at(acl, "firewall_rule.name")).isEqualTo("outside_in");
        assertThat(at(acl, "severity_id")).isEqualTo("3");
        assertThat(at(inbound, "src_endpoint.interface_name")).isEqualTo("outside");
        assertThat(at(inbound, "severity_id")).isEqualTo("5");
        assertThat(at(dns, "dst_endpoint.port")).isEqualTo("1026");
        assertThat(at(icmp, "dst_endpoint.ip")).isEqualTo("10.1.1.5");
        assertThat(at(noConn, "src_endpoint.port")).isEqualTo("443");
    }

    @Test
    void accessListHitsAndTranslations() {
        JsonNode permitted = event("%ASA-6-106100: access-list inside_out permitted tcp inside/10.1.1.7(51000) -> "
                + "outside/192.0.2.80(80) hit-cnt 1 first hit [0x4c2b, 0x0]");
        JsonNode denied = event("%ASA-4-106100: access-list inside_out denied udp inside/10.1.1.7(51001) -> "
                + "outside/192.0.2.81(53) hit-cnt 3 300-second interval [0x4c2b, 0x0]");
        JsonNode nat = event("%ASA-6-305011: Built dynamic TCP translation from inside:10.1.1.7/51000 to "
                + "outside:198.51.100.2/40001");
        JsonNode natDown = event("%ASA-6-305012: Teardown dynamic UDP translation from inside:10.1.1.7/51001 to "
                + "outside:198.51.100.2/40002 duration 0:00:31");

        assertThat(at(permitted, "activity_id")).isEqualTo("6");
        assertThat(at(permitted, "dst_endpoint.port")).isEqualTo("80");
        assertThat(at(permitted, "firewall_rule.name")).isEqualTo("inside_out");
        assertThat(at(denied, "activity_id")).isEqualTo("5");
        assertThat(at(nat, "activity_id")).isEqualTo("1");
        assertThat(at(nat, "src_endpoint.ip")).isEqualTo("10.1.1.7");
        assertThat(at(nat, "dst_endpoint.ip")).isEqualTo("198.51.100.2");
        assertThat(at(natDown, "activity_id")).isEqualTo("2");
        assertThat(at(natDown, "duration")).isEqualTo("31000");
    }

    @Test
    void authenticationAndVpnMessages() {
        JsonNode ok = event("%ASA-6-113004: AAA user authentication Successful : server =  10.5.5.5 : user = jdoe");
        JsonNode rejected = event("%ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : "
                + "server = 10.5.5.5 : user = ***** : user IP = 203.0.113.50");
        JsonNode local = event("%ASA-6-113015: AAA user authentication Rejected : reason = Invalid password : "
                + "local database : user = mallory : user IP = 203.0.113.51");
        JsonNode mgmt = event("%ASA-6-611101: User authentication succeeded: IP address: 10.9.9.9, Uname: netadmin");
        JsonNode mgmtFail = event("%ASA-6-611102: User authentication failed: IP address: 10.9.9.8, Uname: guest");
        JsonNode login = event("%ASA-5-605005: Login permitted from 10.9.9.9/50000 to management:10.0.0.1/ssh for "
                + "user \"netadmin\"");
        JsonNode loginDenied = event("%ASA-6-605004: Login denied from 203.0.113.52/50001 to outside:198.51.100.1/ssh "
                + "for user \"root\"");
        JsonNode vpnUp = event("%ASA-4-722051: Group <RemoteStaff> User <jdoe> IP <203.0.113.60> IPv4 Address "
                + "<10.50.0.12> IPv6 address <::> assigned to session");
        JsonNode vpnDown = event("%ASA-4-722023: Group <RemoteStaff> User <jdoe> IP <203.0.113.60> UDP SVC connection "
                + "terminated without compression");
        JsonNode webvpn = event(
                "%ASA-6-716001: Group <Portal> User <asmith> IP <203.0.113.61> WebVPN session started.");
        JsonNode webvpnEnd = event("%ASA-6-716002: Group <Portal> User <asmith> IP <203.0.113.61> WebVPN session "
                + "terminated: User Requested.");
        JsonNode svc = event("%ASA-6-722022: Group <RemoteStaff> User <jdoe> IP <203.0.113.60> UDP SVC connection "
                + "established without compression");

        assertThat(at(ok, "class_uid")).isEqualTo("3002");
        assertThat(at(ok, "status_id")).isEqualTo("1");
        assertThat(at(ok, "user.name")).isEqualTo("jdoe");
        assertThat(at(rejected, "status_id")).isEqualTo("2");
        assertThat(at(rejected, "user.name")).isNull();
        assertThat(at(rejected, "src_endpoint.ip")).isEqualTo("203.0.113.50");
        assertThat(at(local, "user.name")).isEqualTo("mallory");
        assertThat(at(local, "status_detail")).isEqualTo("Invalid password");
        assertThat(at(mgmt, "user.name")).isEqualTo("netadmin");
        assertThat(at(mgmt, "src_endpoint.ip")).isEqualTo("10.9.9.9");
        assertThat(at(mgmtFail, "status_id")).isEqualTo("2");
        assertThat(at(login, "status_id")).isEqualTo("1");
        assertThat(at(login, "src_endpoint.port")).isEqualTo("50000");
        assertThat(at(loginDenied, "status_id")).isEqualTo("2");
        assertThat(at(loginDenied, "user.name")).isEqualTo("root");
        assertThat(at(vpnUp, "activity_id")).isEqualTo("1");
        assertThat(at(vpnUp, "user.name")).isEqualTo("jdoe");
        assertThat(at(vpnUp, "src_endpoint.ip")).isEqualTo("203.0.113.60");
        assertThat(at(vpnUp, "user.groups.0.name")).isEqualTo("RemoteStaff");
        assertThat(at(vpnDown, "activity_id")).isEqualTo("2");
        assertThat(at(webvpn, "activity_id")).isEqualTo("1");
        assertThat(at(webvpnEnd, "activity_id")).isEqualTo("2");
        assertThat(at(svc, "class_uid")).isEqualTo("3002");
    }

    @Test
    void commandsAreApiActivityAndThreatDetectionIsAFinding() {
        JsonNode cmd = event(
                "%ASA-5-111008: User 'netadmin' executed the 'access-list outside_in permit tcp any any' command.");
        JsonNode remote = event("%ASA-5-111010: User 'netadmin', running 'CLI' from IP 10.9.9.9, executed "
                + "'write memory'");
        JsonNode threat = event("%ASA-4-733100: [ Scanning] drop rate-1 exceeded. Current burst rate is 12 per second, "
                + "max configured rate is 10; Current average rate is 7 per second, max configured rate is 5; "
                + "Cumulative total count is 4300");

        assertThat(at(cmd, "class_uid")).isEqualTo("6003");
        assertThat(at(cmd, "actor.user.name")).isEqualTo("netadmin");
        assertThat(at(cmd, "api.operation")).contains("access-list outside_in");
        assertThat(at(remote, "src_endpoint.ip")).isEqualTo("10.9.9.9");
        assertThat(at(remote, "api.operation")).isEqualTo("write memory");
        assertThat(at(threat, "class_uid")).isEqualTo("2004");
        assertThat(at(threat, "finding_info.title")).contains("Scanning");
        assertThat(at(threat, "finding_info.uid")).isNotBlank();
    }

    @Test
    void ftdConnectionAndIntrusionEvents() {
        JsonNode conn = Fixtures.normalize("<166>Nov 27 2026 22:15:01 ftd-1 : %FTD-6-430003: DeviceUUID: 0a1b, "
                + "InstanceID: 1, ConnectionID: 4242, AccessControlRuleAction: Block, SrcIP: 10.4.4.4, DstIP: "
                + "203.0.113.44, SrcPort: 50123, DstPort: 443, Protocol: tcp, IngressInterface: inside, "
                + "EgressInterface: outside, AccessControlRuleName: Block-Bad, User: No Authentication Required")
                .body();
        JsonNode ips = Fixtures.normalize("<161>Nov 27 2026 22:15:02 ftd-1 : %FTD-1-430001: DeviceUUID: 0a1b, "
                + "SrcIP: 198.51.100.4, DstIP: 10.4.4.5, SrcPort: 4444, DstPort: 80, Protocol: tcp, GID: 1, "
                + "SignatureID: 31978, Classification: Attempted Administrator Privilege Gain, Priority: 1, "
                + "Message: SERVER-WEBAPP Struts remote code execution attempt").body();

        assertThat(at(conn, "class_uid")).isEqualTo("4001");
        assertThat(at(conn, "activity_id")).isEqualTo("5");
        assertThat(at(conn, "dst_endpoint.ip")).isEqualTo("203.0.113.44");
        assertThat(at(conn, "firewall_rule.name")).isEqualTo("Block-Bad");
        assertThat(at(conn, "actor.user.name")).isNull();
        assertThat(at(ips, "class_uid")).isEqualTo("2004");
        assertThat(at(ips, "finding_info.title")).isEqualTo("SERVER-WEBAPP Struts remote code execution attempt");
        assertThat(at(ips, "finding_info.analytic.uid")).isEqualTo("31978");
        assertThat(at(ips, "severity_id")).isEqualTo("4");
        assertThat(at(ips, "src_endpoint.port")).isEqualTo("4444");
    }

    @Test
    void otherAndUnexpectedMessagesAreBaseEventsWithTheirText() {
        JsonNode other = event("%ASA-5-199001: Reload command executed from Telnet (remote 10.0.0.2).");
        JsonNode odd = event("%ASA-6-302013: Built something that is not as documented");
        JsonNode ftd = Fixtures
                .normalize("<166>Nov 27 2026 22:15:01 ftd-1 : %FTD-6-430003: AccessControlRuleAction: Allow")
                .body();

        assertThat(at(other, "class_uid")).isEqualTo("0");
        assertThat(at(other, "message")).startsWith("Reload command executed");
        assertThat(at(odd, "class_uid")).isEqualTo("0");
        assertThat(at(ftd, "metadata.product.name")).isEqualTo("Cisco Firepower Threat Defense");
    }
}
