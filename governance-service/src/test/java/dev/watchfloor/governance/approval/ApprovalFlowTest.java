package dev.watchfloor.governance.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.ApprovalState;
import dev.watchfloor.contracts.governance.v1.Approvals;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsRequest;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.governance.testing.ApprovalWebhookReceiver;
import dev.watchfloor.governance.testing.Identities;

@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(ApprovalWebhookReceiver.class)
class ApprovalFlowTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @jakarta.inject.Inject
    ApprovalAuditor auditor;

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String TENANT = "approvals-test";

    @GrpcClient("self")
    Policy policy;

    @GrpcClient("self")
    Approvals approvals;

    private static String approver() {
        return Identities.user(TENANT, "alice", "approver");
    }

    @GrpcClient("self")
    dev.watchfloor.contracts.governance.v1.Audit audit;

    @org.junit.jupiter.api.BeforeEach
    void alertsWereHandedOffBySiem() {
        handedOff("alert-1", "siem");
    }

    /** What ingest-service records when it hands an alert to reasoning: who submitted it. */
    private void handedOff(String alertId, String submitter) {
        Identities.withToken(audit, Identities.service(MeshService.INGEST)).append(
                dev.watchfloor.contracts.governance.v1.AppendAuditRequest.newBuilder().setTenant(TENANT)
                        .setEventType("alert.handed_off").setAlertId(alertId).setOnBehalfOf(submitter)
                        .setIdempotencyKey("intake-" + alertId).build())
                .await().atMost(WAIT);
    }

    private Policy policy() {
        return Identities.withToken(policy, Identities.service(MeshService.ACTION));
    }

    @Test
    void containmentNeedsApprovalAndTheDecisionIsVisibleOverGrpc() {
        String actionId = UUID.randomUUID().toString();
        AuthorizeResponse response = authorize(actionId, "isolate_host");

        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_REQUIRE_APPROVAL);
        String approvalId = response.getApprovalId();
        given().auth().oauth2(approver()).queryParam("state", "pending").when().get("/v1/approvals").then()
                .statusCode(200)
                .body("items.id", hasItem(approvalId));

        given().auth().oauth2(approver()).contentType("application/json")
                .body("{\"decision\":\"approve\",\"reason\":\"confirmed\"}")
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(200)
                .body("state", equalTo("approved")).body("decidedBy", equalTo("alice"));

        var approval = Identities.withToken(approvals, Identities.service(MeshService.ACTION))
                .get(GetApprovalRequest.newBuilder().setTenant(TENANT)
                        .setApprovalId(approvalId).build())
                .await().atMost(WAIT);
        assertThat(approval.getState()).isEqualTo(ApprovalState.APPROVAL_STATE_APPROVED);
        assertThat(approval.getParametersHash()).hasSize(64);
    }

    @Test
    void manyApprovalsAreReadInOneCallInTheOrderAskedWithUnknownAndOtherTenantsLeftOut() {
        String pending = authorize(UUID.randomUUID().toString(), "isolate_host").getApprovalId();
        String denied = authorize(UUID.randomUUID().toString(), "block_ip").getApprovalId();
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"deny\"}")
                .when().post("/v1/approvals/{id}/decision", denied).then().statusCode(200);

        var answer = Identities.withToken(approvals, Identities.service(MeshService.ACTION))
                .getMany(GetApprovalsRequest.newBuilder()
                        .addApprovals(GetApprovalRequest.newBuilder().setTenant(TENANT).setApprovalId(denied))
                        .addApprovals(GetApprovalRequest.newBuilder().setTenant(TENANT)
                                .setApprovalId(UUID.randomUUID().toString()))
                        .addApprovals(GetApprovalRequest.newBuilder().setTenant("another-tenant")
                                .setApprovalId(pending))
                        .addApprovals(GetApprovalRequest.newBuilder().setTenant(TENANT).setApprovalId(pending))
                        .build())
                .await().atMost(WAIT);

        assertThat(answer.getApprovalsList()).extracting(a -> a.getApprovalId(), a -> a.getState()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(denied, ApprovalState.APPROVAL_STATE_DENIED),
                org.assertj.core.groups.Tuple.tuple(pending, ApprovalState.APPROVAL_STATE_PENDING));
        assertThat(answer.getApprovals(1).getParametersHash()).hasSize(64);
        org.junit.jupiter.api.Assertions.assertThrows(io.grpc.StatusRuntimeException.class,
                () -> Identities.withToken(approvals, Identities.service(MeshService.ACTION))
                        .getMany(GetApprovalsRequest.newBuilder().addApprovals(GetApprovalRequest.newBuilder()
                                .setTenant(TENANT).setApprovalId("not-a-uuid")).build())
                        .await().atMost(WAIT));
    }

    @Test
    void authorizingTheSameActionTwiceReusesItsApproval() {
        String actionId = UUID.randomUUID().toString();

        String first = authorize(actionId, "disable_user").getApprovalId();
        String second = authorize(actionId, "disable_user").getApprovalId();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void ticketsAreAllowedAndUnknownTypesDenied() {
        assertThat(authorize(UUID.randomUUID().toString(), "open_ticket").getDecision())
                .isEqualTo(Decision.DECISION_ALLOW);
        assertThat(authorize(UUID.randomUUID().toString(), "wipe_disk").getDecision())
                .isEqualTo(Decision.DECISION_DENY);
    }

    @Test
    void aDecidedApprovalCannotBeDecidedAgain() {
        String approvalId = authorize(UUID.randomUUID().toString(), "block_ip").getApprovalId();
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"deny\"}")
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(200)
                .body("state", equalTo("denied"));

        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://watchfloor.dev/problems/approval-not-pending"));
    }

    @Test
    void badInputGetsProblemDetails() {
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":")
                .when().post("/v1/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://watchfloor.dev/problems/malformed-json"));
        given().auth().oauth2(approver()).contentType("text/plain").body("approve")
                .when().post("/v1/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"maybe\"}")
                .when().post("/v1/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        given().auth().oauth2(approver()).when().get("/v1/approvals/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(approver()).when().get("/v1/approvals/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://watchfloor.dev/problems/not-found"));
        given().auth().oauth2(approver()).queryParam("state", "sideways").when().get("/v1/approvals").then()
                .statusCode(400);
        given().auth().oauth2(approver()).contentType("application/json")
                .body("{\"decision\":\"" + "x".repeat(1_100_000) + "\"}")
                .when().post("/v1/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aNewApprovalIsAnnouncedAndItsRequestAndDecisionAreAuditedOnce() throws Throwable {
        String actionId = UUID.randomUUID().toString();
        String approvalId = authorize(actionId, "isolate_host").getApprovalId();
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(200);
        authorize(actionId, "isolate_host");
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(auditor::run);

        assertThat(ApprovalWebhookReceiver.BODIES).filteredOn(b -> b.contains(approvalId)).hasSize(1)
                .allSatisfy(b -> assertThat(b).contains("\"actionType\":\"isolate_host\"")
                        .doesNotContain("parametersJson"));
        assertThat(auditTypes(actionId)).containsExactly("approval.requested", "approval.decided");
    }

    @Test
    void anApprovalNobodyDecidedExpiresAndTheExpiryIsAuditedExactlyOnce() throws Throwable {
        String actionId = UUID.randomUUID().toString();
        String approvalId = authorize(actionId, "block_ip").getApprovalId();
        pool.preparedQuery("UPDATE governance.approvals SET expires_at = now() - interval '1 second' WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(approvalId))).await().atMost(WAIT);

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(auditor::run);
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(auditor::run);

        given().auth().oauth2(approver()).when().get("/v1/approvals/{id}", approvalId).then().statusCode(200)
                .body("state", equalTo("expired"));
        assertThat(auditTypes(actionId)).containsExactly("approval.requested", "approval.expired");
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(409);
    }

    @Test
    void anApiClientNeverDecidesEvenWithTheApproverRole() {
        String approvalId = authorize(UUID.randomUUID().toString(), "disable_user").getApprovalId();
        String both = Identities.user(TENANT, "robo", "approver", "api-client");

        given().auth().oauth2(both).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(403)
                .body("type", equalTo("https://watchfloor.dev/problems/separation-of-duties"));
        given().auth().oauth2(Identities.user(TENANT, "ana", "analyst")).contentType("application/json")
                .body("{\"decision\":\"approve\"}").when().post("/v1/approvals/{id}/decision", approvalId).then()
                .statusCode(403);
    }

    @Test
    void nobodyDecidesOnAnAlertTheySubmittedAndAnAlertWithoutIntakeRecordWaits() {
        handedOff("alert-by-alice", "alice");
        AuthorizeResponse own = policy().authorize(AuthorizeRequest.newBuilder().setTenant(TENANT)
                .setActionId(UUID.randomUUID().toString()).setInvestigationId("inv-2").setAlertId("alert-by-alice")
                .setActionType("isolate_host").setTarget("host:ws-9").setParametersJson("{}")
                .setRequestedBy("reasoning-service").build()).await().atMost(WAIT);
        AuthorizeResponse unknown = policy().authorize(AuthorizeRequest.newBuilder().setTenant(TENANT)
                .setActionId(UUID.randomUUID().toString()).setInvestigationId("inv-3").setAlertId("alert-unseen")
                .setActionType("isolate_host").setTarget("host:ws-9").setParametersJson("{}")
                .setRequestedBy("reasoning-service").build()).await().atMost(WAIT);

        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", own.getApprovalId()).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("submitted the alert"));
        given().auth().oauth2(approver()).contentType("application/json").body("{\"decision\":\"approve\"}")
                .when().post("/v1/approvals/{id}/decision", unknown.getApprovalId()).then().statusCode(409)
                .body("type", equalTo("https://watchfloor.dev/problems/alert-intake-not-audited"));
    }

    private java.util.List<String> auditTypes(String actionId) {
        java.util.List<String> types = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT event_type FROM governance.audit_entries WHERE tenant = $1 AND action_id = $2"
                + " ORDER BY seq").execute(io.vertx.mutiny.sqlclient.Tuple.of(TENANT, actionId)).await()
                .atMost(WAIT).forEach(r -> types.add(r.getString("event_type")));
        return types;
    }

    private AuthorizeResponse authorize(String actionId, String type) {
        return policy().authorize(AuthorizeRequest.newBuilder().setTenant(TENANT).setActionId(actionId)
                .setInvestigationId("inv-1").setAlertId("alert-1").setActionType(type).setTarget("host:ws-042")
                .setParametersJson("{\"target\":\"host:ws-042\"}").setRequestedBy("reasoning-service").build())
                .await().atMost(WAIT);
    }
}
