package dev.watchfloor.governance.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.ApprovalState;
import dev.watchfloor.contracts.governance.v1.Approvals;
import dev.watchfloor.contracts.governance.v1.Audit;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsRequest;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.Sanction;
import dev.watchfloor.governance.testing.Identities;
import dev.watchfloor.governance.testing.TestPolicies;

@QuarkusTest
class ActionRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Every isolation needs approval, whatever the asset: the policy before the team tightened it. */
    private static final String APPROVE_ALL_ISOLATIONS = TestPolicies.defaultWith(
            "    - type: isolate_host\n      criticality: [critical]\n      decision: deny\n",
            "    - type: isolate_host\n      criticality: [low]\n      decision: deny\n",
            "      neverTags: [domain-controller]\n", "");

    @GrpcClient("self")
    Policy policy;

    @GrpcClient("self")
    Approvals approvals;

    @GrpcClient("self")
    Audit audit;

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private Policy policy() {
        return Identities.withToken(policy, Identities.service(MeshService.ACTION));
    }

    private static AuthorizeRequest action(String tenant, String investigation, String type, String target) {
        return AuthorizeRequest.newBuilder().setTenant(tenant).setActionId(UUID.randomUUID().toString())
                .setInvestigationId(investigation).setAlertId("alert-1").setActionType(type).setTarget(target)
                .setParametersJson("{\"target\":\"" + target + "\"}").setRequestedBy("reasoning-service").build();
    }

    private AuthorizeResponse authorize(AuthorizeRequest r) {
        return policy().authorize(r).await().atMost(WAIT);
    }

    @Test
    void isolatingACriticalAssetIsDeniedByTheDefaultPolicy() {
        AuthorizeResponse response = authorize(action("rules-critical", "inv-1", "isolate_host", "host:dc-01"));

        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(response.getApprovalId()).isEmpty();
        assertThat(response.getPolicy()).isEqualTo("default@v0");
        assertThat(response.getRule()).startsWith("actions.");
        assertThat(authorize(action("rules-critical", "inv-1", "isolate_host", "host:web-01")).getDecision())
                .isEqualTo(Decision.DECISION_REQUIRE_APPROVAL);
    }

    @Test
    void aPolicyThatComesToDenyAnApprovedIsolationStillStopsIt() {
        String tenant = "rules-approved";
        TestPolicies.activate(tenant, APPROVE_ALL_ISOLATIONS);
        handedOff(tenant, "alert-1", "siem");
        String approver = Identities.user(tenant, "alice", "approver");

        String approvedOne = authorize(action(tenant, "inv-1", "isolate_host", "host:dc-01")).getApprovalId();
        String pendingOne = authorize(action(tenant, "inv-2", "isolate_host", "host:dc-02")).getApprovalId();
        assertThat(approvedOne).isNotEmpty();
        given().auth().oauth2(approver).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", approvedOne).then().statusCode(200)
                .body("state", equalTo("approved"));

        TestPolicies.activate(tenant, TestPolicies.defaultWith());

        var approval = approval(tenant, approvedOne);
        assertThat(approval.getState()).isEqualTo(ApprovalState.APPROVAL_STATE_APPROVED);
        assertThat(approval.getPolicyDenial()).contains("domain-controller").contains("default@v2");
        given().auth().oauth2(approver).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", pendingOne).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("policy-denies"));
        assertThat(approval(tenant, pendingOne).getPolicyDenial()).isNotEmpty();
    }

    @Test
    void theHourlyRateCapHoldsUnderConcurrentProposals() {
        String tenant = "rules-rate";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("    - type: isolate_host\n      perHour: 20",
                "    - type: isolate_host\n      perHour: 7"));
        Policy client = policy();
        List<Uni<AuthorizeResponse>> proposals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            proposals.add(client.authorize(action(tenant, "inv-" + i, "isolate_host", "host:web-" + i)));
        }

        List<AuthorizeResponse> decided = Uni.join().all(proposals).andFailFast().await().atMost(WAIT);

        assertThat(decided).filteredOn(r -> r.getDecision() == Decision.DECISION_REQUIRE_APPROVAL).hasSize(7);
        assertThat(decided).filteredOn(r -> r.getDecision() == Decision.DECISION_DENY).hasSize(23)
                .allSatisfy(r -> assertThat(r.getRule()).isEqualTo("actions.rateCaps"));
        assertThat(authorize(action(tenant, "inv-x", "disable_user", "user:bob")).getDecision())
                .isEqualTo(Decision.DECISION_REQUIRE_APPROVAL);
        // each denial committed with its audit entry; the approvals audit themselves (approval.requested)
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM governance.audit_entries WHERE tenant = $1 AND "
                + "event_type = 'action.authorized'").execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant)).await()
                .atMost(WAIT).iterator().next().getLong("n")).isEqualTo(23);
    }

    @Test
    void theBlastRadiusCapsTargetsPerInvestigationAndAskingAgainAnswersTheFirstDecision() {
        String tenant = "rules-blast";
        List<AuthorizeRequest> asked = new ArrayList<>();
        List<AuthorizeResponse> decided = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            asked.add(action(tenant, "inv-1", "isolate_host", "host:web-" + i));
            decided.add(authorize(asked.get(i)));
        }

        assertThat(decided).extracting(AuthorizeResponse::getDecision).containsExactly(
                Decision.DECISION_REQUIRE_APPROVAL, Decision.DECISION_REQUIRE_APPROVAL,
                Decision.DECISION_REQUIRE_APPROVAL, Decision.DECISION_DENY);
        assertThat(decided.get(3).getRule()).isEqualTo("actions.blastRadius");
        assertThat(authorize(action(tenant, "inv-2", "isolate_host", "host:web-3")).getDecision())
                .isEqualTo(Decision.DECISION_REQUIRE_APPROVAL);
        AuthorizeResponse again = authorize(asked.get(0));
        assertThat(again.getDecision()).isEqualTo(Decision.DECISION_REQUIRE_APPROVAL);
        assertThat(again.getApprovalId()).isEqualTo(decided.get(0).getApprovalId());
    }

    @Test
    void aBatchIsDecidedInOrderWithItsEarlierActionsCountingTowardsTheCaps() {
        String tenant = "rules-batch";
        List<AuthorizeRequest> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            asked.add(action(tenant, "inv-1", "isolate_host", "host:web-" + i));
        }
        asked.add(1, action(tenant, "inv-1", "open_ticket", "host:web-0"));
        asked.add(asked.get(0));

        List<AuthorizeResponse> decided = policy().authorizeBatch(AuthorizeBatchRequest.newBuilder()
                .addAllActions(asked).build()).await().atMost(WAIT).getDecisionsList();

        assertThat(decided).extracting(AuthorizeResponse::getDecision).containsExactly(
                Decision.DECISION_REQUIRE_APPROVAL, Decision.DECISION_ALLOW, Decision.DECISION_REQUIRE_APPROVAL,
                Decision.DECISION_REQUIRE_APPROVAL, Decision.DECISION_DENY, Decision.DECISION_REQUIRE_APPROVAL);
        assertThat(decided.get(4).getRule()).isEqualTo("actions.blastRadius");
        // an action named twice is decided once, with one approval
        assertThat(decided.get(5).getApprovalId()).isEqualTo(decided.get(0).getApprovalId());
        // asking one at a time afterwards answers what the batch stored
        assertThat(authorize(asked.get(4)).getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM governance.audit_entries WHERE tenant = $1 AND "
                + "event_type = 'action.authorized'").execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant)).await()
                .atMost(WAIT).iterator().next().getLong("n")).isEqualTo(2);
    }

    @Test
    void aBatchMixingTenantsOrMissingAnActionTypeIsRefusedWhole() {
        AuthorizeBatchRequest mixed = AuthorizeBatchRequest.newBuilder()
                .addActions(action("rules-batch-a", "inv-1", "open_ticket", "host:a"))
                .addActions(action("rules-batch-b", "inv-1", "open_ticket", "host:b")).build();
        AuthorizeBatchRequest untyped = AuthorizeBatchRequest.newBuilder()
                .addActions(action("rules-batch-a", "inv-1", "", "host:a")).build();

        assertThatThrownBy(() -> policy().authorizeBatch(mixed).await().atMost(WAIT))
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("actions[1]: all actions");
        assertThatThrownBy(() -> policy().authorizeBatch(untyped).await().atMost(WAIT))
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("actions[0]");
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM governance.action_authorizations WHERE tenant "
                + "LIKE 'rules-batch-%'").execute().await().atMost(WAIT).iterator().next().getLong("n")).isZero();
    }

    @Test
    void aPseudonymousTargetIsJudgedAndApprovedAsTheRealAssetAndAnUnknownOneIsDenied() {
        String tenant = "rules-pseudonyms";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("pseudonymize: [user.name, actor.user.name]",
                "pseudonymize: [user.name, actor.user.name, device.hostname]"));
        Policy reasoning = Identities.withToken(policy, Identities.service(MeshService.REASONING));
        String prepared = reasoning.prepareModelCall(PrepareModelCallRequest.newBuilder().setTenant(tenant)
                .setInvestigationId("inv-p")
                .addEvidence(EvidenceText.newBuilder().setId("ev-1").setText("{\"device\":{\"hostname\":\"dc-01\"}}"))
                .addEvidence(EvidenceText.newBuilder().setId("ev-2").setText("{\"device\":{\"hostname\":\"web-07\"}}"))
                .build()).await().atMost(WAIT)
                .getPreparedEvidenceList().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pn_field_[0-9a-f]{12}").matcher(prepared);
        List<String> hosts = new ArrayList<>();
        while (m.find()) {
            hosts.add(m.group());
        }
        assertThat(prepared).doesNotContain("dc-01").doesNotContain("web-07");
        assertThat(hosts).hasSize(2);

        AuthorizeResponse critical = authorize(action(tenant, "inv-p", "isolate_host", "host:" + hosts.get(0)));
        AuthorizeResponse standard = authorize(action(tenant, "inv-p", "isolate_host", "host:" + hosts.get(1)));
        AuthorizeResponse unknown = authorize(action(tenant, "inv-p", "isolate_host", "host:pn_field_000000000000"));

        assertThat(critical.getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(critical.getResolvedTarget()).isEqualTo("host:dc-01");
        assertThat(standard.getDecision()).isEqualTo(Decision.DECISION_REQUIRE_APPROVAL);
        assertThat(standard.getResolvedTarget()).isEqualTo("host:web-07");
        assertThat(approval(tenant, standard.getApprovalId()).getTarget()).isEqualTo("host:web-07");
        assertThat(unknown.getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(unknown.getRule()).isEqualTo("pseudonyms");
    }

    @Test
    void sanctionsComeFromThePolicysAllowListsAndChangeWindowsAtTheTimeAsked() {
        Policy reasoning = Identities.withToken(policy, Identities.service(MeshService.REASONING));
        // the default policy's examples: ip:192.0.2.250 always; host:patch-example-* sat/sun 22:00-04:00 UTC
        var saturdayNight = reasoning.checkSanctions(CheckSanctionsRequest.newBuilder().setTenant("rules-sanctions")
                .addEntities("ip:192.0.2.250").addEntities("host:patch-example-7").addEntities("host:ws-1")
                .setAt("2026-11-28T23:30:00Z").build()).await().atMost(WAIT);
        var mondayNoon = reasoning.checkSanctions(CheckSanctionsRequest.newBuilder().setTenant("rules-sanctions")
                .addEntities("host:patch-example-7").setAt("2026-11-30T12:00:00Z").build()).await().atMost(WAIT);

        assertThat(saturdayNight.getSanctionsList()).extracting(Sanction::getEntity)
                .containsExactly("ip:192.0.2.250", "host:patch-example-7");
        assertThat(saturdayNight.getSanctions(0).getReason()).startsWith("vulnerability-scanner");
        assertThat(saturdayNight.getPolicy()).isEqualTo("default@v0");
        assertThat(mondayNoon.getSanctionsList()).isEmpty();
        assertThatThrownBy(() -> reasoning.checkSanctions(CheckSanctionsRequest.newBuilder().setTenant("t")
                .setAt("yesterday").build()).await().atMost(WAIT)).hasMessageContaining("INVALID_ARGUMENT");
        assertThatThrownBy(() -> policy().checkSanctions(CheckSanctionsRequest.newBuilder().setTenant("t").build())
                .await().atMost(WAIT)).hasMessageContaining("PERMISSION_DENIED");
    }

    private dev.watchfloor.contracts.governance.v1.Approval approval(String tenant, String id) {
        return Identities.withToken(approvals, Identities.service(MeshService.ACTION))
                .get(GetApprovalRequest.newBuilder().setTenant(tenant).setApprovalId(id).build()).await()
                .atMost(WAIT);
    }

    private void handedOff(String tenant, String alertId, String submitter) {
        Identities.withToken(audit, Identities.service(MeshService.INGEST)).append(AppendAuditRequest.newBuilder()
                .setTenant(tenant).setEventType("alert.handed_off").setAlertId(alertId).setOnBehalfOf(submitter)
                .setIdempotencyKey("intake-" + tenant + "-" + alertId).build()).await().atMost(WAIT);
    }
}
