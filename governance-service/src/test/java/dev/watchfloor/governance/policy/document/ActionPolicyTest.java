package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ActionPolicyTest {

    final ActionPolicy actions = parse(PolicyParserTest.DEFAULT);

    static ActionPolicy parse(String yaml) {
        try {
            return PolicyParser.parse(yaml).actions();
        } catch (PolicyRejected e) {
            throw new AssertionError(e.violations().toString(), e);
        }
    }

    @Test
    void profilesAnAssetByTheFirstMatchingGlob() {
        assertThat(actions.asset("host:dc-01")).isEqualTo(new AssetProfile("critical", List.of("domain-controller")));
        assertThat(actions.asset("user:domain-admins")).isEqualTo(new AssetProfile("high", List.of()));
        assertThat(actions.asset("host:web-01")).isEqualTo(new AssetProfile("standard", List.of()));
    }

    @Test
    void matchesAssetGlobsOnTheWholeTargetAndCaseSensitively() {
        assertThat(actions.asset("xhost:dc-01").criticality()).isEqualTo("standard");
        assertThat(actions.asset("HOST:DC-01").criticality()).isEqualTo("standard");
        assertThat(actions.asset("host:dc-").criticality()).isEqualTo("critical");
    }

    @Test
    void decidesByTheFirstRuleMatchingTypeAndCriticality() {
        ActionPolicy untagged = parse(PolicyParserTest.edit("tags: [domain-controller]", "tags: [dc]"));
        ActionVerdict critical = untagged.evaluate("isolate_host", "host:dc-01");
        assertThat(critical.decision()).isEqualTo(Decision.DENY);
        assertThat(critical.rule()).isEqualTo("actions.rules[0]");
        assertThat(critical.reason()).isEqualTo("never isolate a critical asset automatically");

        ActionVerdict standard = actions.evaluate("isolate_host", "host:web-01");
        assertThat(standard.decision()).isEqualTo(Decision.REQUIRE_APPROVAL);
        assertThat(standard.approverRoles()).containsExactly("approver", "admin");
        assertThat(standard.rule()).isEqualTo("actions.rules[1]");
        assertThat(standard.asset()).isEqualTo(new AssetProfile("standard", List.of()));

        ActionVerdict ticket = actions.evaluate("open_ticket", "host:dc-01");
        assertThat(ticket.decision()).isEqualTo(Decision.ALLOW);
        assertThat(ticket.approverRoles()).isEmpty();
        assertThat(ticket.rule()).isEqualTo("actions.rules[2]");
    }

    @Test
    void givesADefaultReasonWhenTheRuleHasNone() {
        assertThat(actions.evaluate("block_ip", "ip:203.0.113.9").reason())
                .isEqualTo("block_ip on a standard asset requires approval");
    }

    @Test
    void fallsBackToTheDefaultDecision() {
        ActionPolicy noRuleForNotify = parse(PolicyParserTest.edit("[open_ticket, notify]", "[open_ticket]"));

        ActionVerdict verdict = noRuleForNotify.evaluate("notify", "user:alice");

        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.rule()).isEqualTo("actions.default");
        assertThat(verdict.reason()).contains("no rule matches notify");
    }

    @Test
    void letsApproversOrAdminsApproveARequireApprovalDefault() {
        ActionPolicy approvalByDefault = parse(
                PolicyParserTest.edit("[open_ticket, notify]", "[open_ticket]", "  default: deny",
                        "  default: require_approval"));

        assertThat(approvalByDefault.evaluate("notify", "user:alice").approverRoles()).containsExactly("approver",
                "admin");
    }

    @Test
    void deniesByNeverTagsEvenWhenARuleAsksForApproval() {
        // domain controllers are "high" here, so rule 0 (critical only) does not match and rule 1 asks for approval
        ActionPolicy policy = parse(
                PolicyParserTest.edit("criticality: critical\n        tags", "criticality: high\n        tags"));
        assertThat(policy.rules().get(1).matches("isolate_host", "high")).isTrue();

        ActionVerdict verdict = policy.evaluate("isolate_host", "host:dc-02");

        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.rule()).isEqualTo("actions.blastRadius[0].neverTags");
        assertThat(verdict.reason()).contains("domain-controller");
        assertThat(verdict.approverRoles()).isEmpty();
        assertThat(policy.evaluate("disable_user", "host:dc-02").decision()).isEqualTo(Decision.REQUIRE_APPROVAL);
    }

    @Test
    void knowsRateCapsAndBlastRadiusPerType() {
        assertThat(actions.rateCapPerHour("isolate_host")).isEqualTo(OptionalInt.of(20));
        assertThat(actions.rateCapPerHour("notify")).isEmpty();
        assertThat(actions.maxPerInvestigation("isolate_host")).isEqualTo(OptionalInt.of(3));
        assertThat(actions.maxPerInvestigation("block_ip")).isEmpty();
    }

    @Test
    void sanctionsAllowListedEntitiesAtAnyTime() {
        assertThat(actions.sanctioned("ip:192.0.2.250", Instant.parse("2025-03-05T12:00:00Z")))
                .hasValue("vulnerability-scanner: authorized internal scanner");
        assertThat(actions.sanctioned("ip:192.0.2.251", Instant.parse("2025-03-05T12:00:00Z"))).isEmpty();
    }

    @Test
    void sanctionsAChangeWindowPastMidnightOnTheDayItStarted() {
        // weekly-patching: sat and sun 22:00-04:00 UTC; 2025-03-08 is a Saturday
        String host = "host:patch-example-db-1";
        assertThat(actions.sanctioned(host, Instant.parse("2025-03-08T21:59:59Z"))).isEmpty();
        assertThat(actions.sanctioned(host, Instant.parse("2025-03-08T22:00:00Z"))).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("weekly-patching: change window sat,sun 22:00-04:00 UTC"));
        assertThat(actions.sanctioned(host, Instant.parse("2025-03-09T03:59:00Z"))).isPresent(); // Sunday, from Saturday
        assertThat(actions.sanctioned(host, Instant.parse("2025-03-10T03:00:00Z"))).isPresent(); // Monday, from Sunday
        assertThat(actions.sanctioned(host, Instant.parse("2025-03-08T03:00:00Z"))).isEmpty(); // Saturday, Friday's night
        assertThat(actions.sanctioned(host, Instant.parse("2025-03-10T04:00:00Z"))).isEmpty();
        assertThat(actions.sanctioned("host:web-1", Instant.parse("2025-03-08T23:00:00Z"))).isEmpty();
    }

    @Test
    void readsChangeWindowsInTheirTimeZone() {
        ActionPolicy berlin = parse(PolicyParserTest.edit("days: [sat, sun]", "days: [wed]", "start: \"22:00\"",
                "start: \"09:00\"", "end: \"04:00\"", "end: \"17:30\"", "timezone: UTC", "timezone: Europe/Berlin",
                "    - name: weekly-patching\n", "    - name: weekly-patching\n      reason: office-hours rollout\n"));
        // 2025-03-05 is a Wednesday; Berlin is UTC+1 in March before the switch, UTC+2 in July
        assertThat(berlin.sanctioned("host:patch-example-1", Instant.parse("2025-03-05T07:59:00Z"))).isEmpty();
        assertThat(berlin.sanctioned("host:patch-example-1", Instant.parse("2025-03-05T08:00:00Z")))
                .hasValue("weekly-patching: office-hours rollout");
        assertThat(berlin.sanctioned("host:patch-example-1", Instant.parse("2025-03-05T16:29:00Z"))).isPresent();
        assertThat(berlin.sanctioned("host:patch-example-1", Instant.parse("2025-03-05T16:30:00Z"))).isEmpty();
        assertThat(berlin.sanctioned("host:patch-example-1", Instant.parse("2025-07-02T07:00:00Z"))).isPresent();
        assertThat(berlin.sanctioned("host:patch-example-1", Instant.parse("2025-07-02T15:45:00Z"))).isEmpty();
    }

    @Test
    void runsAWindowWhoseEndEqualsItsStartForAWholeDay() {
        ActionPolicy allDay = parse(PolicyParserTest.edit("days: [sat, sun]", "days: [mon]", "start: \"22:00\"",
                "start: \"06:00\"", "end: \"04:00\"", "end: \"06:00\"", "timezone: UTC", "timezone: America/New_York"));
        // Monday 06:00 in New York (UTC-5 in January) until Tuesday 06:00
        assertThat(allDay.sanctioned("host:patch-example-1", Instant.parse("2025-01-06T10:59:00Z"))).isEmpty();
        assertThat(allDay.sanctioned("host:patch-example-1", Instant.parse("2025-01-06T11:00:00Z"))).isPresent();
        assertThat(allDay.sanctioned("host:patch-example-1", Instant.parse("2025-01-07T10:59:00Z"))).isPresent();
        assertThat(allDay.sanctioned("host:patch-example-1", Instant.parse("2025-01-07T11:00:00Z"))).isEmpty();
    }
}
