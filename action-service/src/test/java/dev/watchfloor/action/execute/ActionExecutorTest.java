package dev.watchfloor.action.execute;

import static dev.watchfloor.action.testing.Proposals.action;
import static dev.watchfloor.action.testing.Proposals.newInvestigation;
import static dev.watchfloor.action.testing.Proposals.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.action.action.ActionRepository;
import dev.watchfloor.action.testing.AsReasoningService;
import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.Proposals;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.audit.AuditRelay;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.action.v1.ActionStatus;
import dev.watchfloor.contracts.action.v1.Actions;
import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.ApprovalState;

@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionExecutorTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("actions")
    @RegisterClientInterceptor(AsReasoningService.class)
    Actions actions;
    @Inject
    ActionExecutor executor;
    @Inject
    ActionRepository repository;
    @Inject
    Tracer tracer;
    @Inject
    ObjectMapper json;
    @Inject
    AuditRelay relay;
    @Inject
    ApprovalWatcher approvals;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeEach
    void resetPeers() {
        GovernanceStandIn.reset();
        WebhookReceiver.responder = body -> 200;
    }

    @AfterEach
    void answerOkAgain() {
        WebhookReceiver.responder = body -> 200;
    }

    @Test
    void allowedActionIsPostedToTheWebhookInTheProposersTrace() throws Exception {
        String investigation = newInvestigation();
        Span request = tracer.spanBuilder("test request").startSpan();
        ActionStatus proposed;
        Scope scope = request.makeCurrent();
        try {
            proposed = propose(investigation, "open_ticket", "host:web-01", "{\"queue\":\"soc\",\"priority\":2}");
        } finally {
            scope.close();
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();

        runExecutor();

        WebhookReceiver.Received hook = single(proposed.getActionId());
        assertThat(hook.method()).isEqualTo("POST");
        assertThat(hook.headers()).containsEntry("content-type", "application/json")
                .containsEntry("idempotency-key", proposed.getActionId());
        assertThat(hook.headers().get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        JsonNode body = json.readTree(hook.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("actionId", "type", "target", "parameters", "tenant",
                "investigationId");
        assertThat(body.get("actionId").asText()).isEqualTo(proposed.getActionId());
        assertThat(body.get("type").asText()).isEqualTo("open_ticket");
        assertThat(body.get("target").asText()).isEqualTo("host:web-01");
        assertThat(body.get("parameters")).isEqualTo(json.readTree("{\"priority\":2,\"queue\":\"soc\"}"));
        assertThat(body.get("tenant").asText()).isEqualTo(Proposals.TENANT);
        assertThat(body.get("investigationId").asText()).isEqualTo(investigation);

        Action stored = stored(proposed.getActionId());
        assertThat(stored.state()).isEqualTo(ActionState.EXECUTED);
        assertThat(stored.detail()).isEqualTo("HTTP 200");
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(Trace.fromTraceparent(stored.traceparent()).traceId()).isEqualTo(traceId);
        assertThat(audited(proposed.getActionId()))
                .extracting(AppendAuditRequest::getEventType, AppendAuditRequest::getTraceId)
                .containsExactly(tuple("action.proposed", traceId),
                        tuple("action.executed", traceId));
    }

    @Test
    void approvedApprovalReleasesTheActionInTheNextPass() {
        ActionStatus proposed = propose(newInvestigation(), "isolate_host", "host:ws-7", "{\"reason\":\"beacon\"}");
        runExecutor();
        assertThat(stored(proposed.getActionId()).state()).isEqualTo(ActionState.PENDING_APPROVAL);
        assertThat(WebhookReceiver.about(proposed.getActionId())).isEmpty();

        GovernanceStandIn.decide(proposed.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED,
                GovernanceStandIn.sha256("{\"reason\":\"beacon\"}"));
        runExecutor();

        assertThat(stored(proposed.getActionId()).state()).isEqualTo(ActionState.EXECUTED);
        assertThat(single(proposed.getActionId()).body()).contains("\"isolate_host\"");
    }

    @Test
    void approvalBoundToOtherParametersFailsTheActionWithoutRunningIt() {
        ActionStatus proposed = propose(newInvestigation(), "block_ip", "ip:198.51.100.7", "{\"ttl\":60}");
        String otherHash = GovernanceStandIn.sha256("{\"ttl\":999999}");

        GovernanceStandIn.decide(proposed.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED, otherHash);
        runExecutor();

        Action stored = stored(proposed.getActionId());
        assertThat(stored.state()).isEqualTo(ActionState.FAILED);
        assertThat(stored.detail()).contains("does not match the action")
                .contains("parameters hash " + otherHash + " != " + GovernanceStandIn.sha256("{\"ttl\":60}"));
        assertThat(WebhookReceiver.about(proposed.getActionId())).isEmpty();
        assertThat(audited(proposed.getActionId())).extracting(AppendAuditRequest::getEventType)
                .containsExactly("action.proposed", "action.failed");
    }

    @Test
    void approvalOfAnotherTargetFailsTheActionWithoutRunningIt() {
        ActionStatus proposed = propose(newInvestigation(), "isolate_host", "host:ws-8", "{}");
        var approval = GovernanceStandIn.APPROVALS.get(proposed.getApprovalId());
        GovernanceStandIn.APPROVALS.put(proposed.getApprovalId(), approval.toBuilder().setTarget("host:dc-01")
                .build());

        GovernanceStandIn.decide(proposed.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED,
                GovernanceStandIn.sha256("{}"));
        runExecutor();

        assertThat(stored(proposed.getActionId()).state()).isEqualTo(ActionState.FAILED);
        assertThat(stored(proposed.getActionId()).detail()).contains("target host:dc-01 != host:ws-8");
        assertThat(WebhookReceiver.about(proposed.getActionId())).isEmpty();
    }

    @Test
    void actionAlteredAfterItsApprovalIsFailedImmediatelyBeforeItWouldRun() {
        ActionStatus proposed = propose(newInvestigation(), "disable_user", "user:erin", "{}");
        GovernanceStandIn.decide(proposed.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED,
                GovernanceStandIn.sha256("{}"));
        approvals.checkDue().await().atMost(WAIT);
        assertThat(stored(proposed.getActionId()).state()).isEqualTo(ActionState.APPROVED);

        // someone with database access retargets the approved action before it runs
        pool.preparedQuery("UPDATE action.actions SET target = 'user:ceo' WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(proposed.getActionId()))).await()
                .atMost(WAIT);
        runExecutor();

        Action stored = stored(proposed.getActionId());
        assertThat(stored.state()).isEqualTo(ActionState.FAILED);
        assertThat(stored.detail()).contains("no longer matches its approval");
        assertThat(WebhookReceiver.about(proposed.getActionId())).isEmpty();
    }

    @Test
    void aPseudonymousTargetRunsOnTheTargetGovernanceResolvedAndApproved() {
        GovernanceStandIn.PSEUDONYMS.put("host:pn_field_0123456789ab", "host:ws-9");
        ActionStatus proposed = propose(newInvestigation(), "isolate_host", "host:pn_field_0123456789ab", "{}");
        assertThat(stored(proposed.getActionId()).target()).isEqualTo("host:ws-9");

        GovernanceStandIn.decide(proposed.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED,
                GovernanceStandIn.sha256("{}"));
        runExecutor();

        assertThat(stored(proposed.getActionId()).state()).isEqualTo(ActionState.EXECUTED);
        assertThat(single(proposed.getActionId()).body()).contains("host:ws-9").doesNotContain("pn_field_");
    }

    @Test
    void anApprovedActionTheCurrentPolicyDeniesIsNeverRun() {
        ActionStatus proposed = propose(newInvestigation(), "isolate_host", "host:dc-07", "{}");
        GovernanceStandIn.decide(proposed.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED,
                GovernanceStandIn.sha256("{}"));
        // the tenant's policy changed after the approval: governance now answers the approval with a denial
        var approval = GovernanceStandIn.APPROVALS.get(proposed.getApprovalId());
        GovernanceStandIn.APPROVALS.put(proposed.getApprovalId(), approval.toBuilder()
                .setPolicyDenial("never isolate a critical asset automatically (strict@v2, actions.rules[0])").build());

        runExecutor();

        Action stored = stored(proposed.getActionId());
        assertThat(stored.state()).isEqualTo(ActionState.DENIED);
        assertThat(stored.detail()).contains("the current policy denies it").contains("strict@v2");
        assertThat(WebhookReceiver.about(proposed.getActionId())).isEmpty();
    }

    @Test
    void anApprovalGovernanceDoesNotKnowFailsItsActionAndTheOthersOfThePollGoOn() {
        String investigation = newInvestigation();
        ActionStatus lost = propose(investigation, "disable_user", "user:erin", "{}");
        ActionStatus approved = propose(investigation, "disable_user", "user:frank", "{}");
        GovernanceStandIn.APPROVALS.remove(lost.getApprovalId());
        GovernanceStandIn.decide(approved.getApprovalId(), ApprovalState.APPROVAL_STATE_APPROVED,
                GovernanceStandIn.sha256("{}"));

        runExecutor();

        assertThat(stored(lost.getActionId()).state()).isEqualTo(ActionState.FAILED);
        assertThat(stored(lost.getActionId()).detail()).contains("unknown to governance");
        assertThat(stored(approved.getActionId()).state()).isEqualTo(ActionState.EXECUTED);
    }

    @Test
    void deniedAndExpiredApprovalsEndTheirActions() {
        String investigation = newInvestigation();
        ActionStatus denied = propose(investigation, "disable_user", "user:carol", "{}");
        ActionStatus expired = propose(investigation, "disable_user", "user:dave", "{}");

        GovernanceStandIn.decide(denied.getApprovalId(), ApprovalState.APPROVAL_STATE_DENIED, "");
        GovernanceStandIn.decide(expired.getApprovalId(), ApprovalState.APPROVAL_STATE_EXPIRED, "");
        runExecutor();

        assertThat(stored(denied.getActionId()).state()).isEqualTo(ActionState.DENIED);
        assertThat(stored(denied.getActionId()).detail()).contains("denied by analyst@example.com");
        assertThat(stored(expired.getActionId()).state()).isEqualTo(ActionState.EXPIRED);
    }

    @Test
    void failedWebhookCallIsRetriedAndThenSucceeds() {
        String target = "ticket:retry-" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        WebhookReceiver.responder = body -> body.contains(target) && calls.getAndIncrement() == 0 ? 503 : 200;
        ActionStatus proposed = propose(newInvestigation(), "open_ticket", target, "{}");

        runExecutor();
        Action afterFirst = stored(proposed.getActionId());
        assertThat(afterFirst.state()).isEqualTo(ActionState.APPROVED);
        assertThat(afterFirst.detail()).startsWith("attempt 1 of 2 failed: webhook answered HTTP 503");

        runExecutor();
        Action afterSecond = stored(proposed.getActionId());
        assertThat(afterSecond.state()).isEqualTo(ActionState.EXECUTED);
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(WebhookReceiver.about(proposed.getActionId())).hasSize(2);
    }

    @Test
    void webhookThatKeepsFailingFailsTheActionAfterMaxAttempts() {
        String target = "ticket:down-" + UUID.randomUUID();
        WebhookReceiver.responder = body -> body.contains(target) ? 500 : 200;
        ActionStatus proposed = propose(newInvestigation(), "open_ticket", target, "{}");

        runExecutor();
        runExecutor();
        runExecutor();

        Action stored = stored(proposed.getActionId());
        assertThat(stored.state()).isEqualTo(ActionState.FAILED);
        assertThat(stored.detail()).isEqualTo("attempt 2 of 2 failed: webhook answered HTTP 500");
        assertThat(WebhookReceiver.about(proposed.getActionId())).hasSize(2);
        assertThat(audited(proposed.getActionId())).extracting(AppendAuditRequest::getEventType)
                .containsExactly("action.proposed", "action.failed");
    }

    @Test
    void clientErrorFromWebhookFailsTheActionWithoutRetrying() {
        String target = "ticket:rejected-" + UUID.randomUUID();
        WebhookReceiver.responder = body -> body.contains(target) ? 422 : 200;
        ActionStatus proposed = propose(newInvestigation(), "notify", target, "{}");

        runExecutor();
        runExecutor();

        Action stored = stored(proposed.getActionId());
        assertThat(stored.state()).isEqualTo(ActionState.FAILED);
        assertThat(stored.detail()).isEqualTo("webhook answered HTTP 422");
        assertThat(WebhookReceiver.about(proposed.getActionId())).hasSize(1);
    }

    private ActionStatus propose(String investigation, String type, String target, String parameters) {
        return actions.propose(request(investigation, action(type, target, parameters))).await().atMost(WAIT)
                .getActions(0);
    }

    private void runExecutor() {
        executor.runOnce().await().atMost(WAIT);
    }

    /** The ledger's entries about the action once the audit outbox is delivered. */
    private List<AppendAuditRequest> audited(String actionId) {
        relay.deliverPending().await().atMost(WAIT);
        return GovernanceStandIn.auditOf(actionId);
    }

    private Action stored(String id) {
        return repository.find(Proposals.TENANT, UUID.fromString(id)).await().atMost(WAIT);
    }

    private static WebhookReceiver.Received single(String actionId) {
        assertThat(WebhookReceiver.about(actionId)).hasSize(1);
        return WebhookReceiver.about(actionId).get(0);
    }
}
