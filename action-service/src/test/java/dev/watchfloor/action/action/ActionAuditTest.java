package dev.watchfloor.action.action;

import static dev.watchfloor.action.testing.Proposals.action;
import static dev.watchfloor.action.testing.Proposals.newInvestigation;
import static dev.watchfloor.action.testing.Proposals.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.action.execute.ActionExecutor;
import dev.watchfloor.action.testing.AsReasoningService;
import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.Proposals;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.audit.AuditRelay;
import dev.watchfloor.contracts.action.v1.ActionStatus;
import dev.watchfloor.contracts.action.v1.Actions;
import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;

/** An action's audit entries go through the outbox: they never hold the action up and reach the ledger exactly once. */
@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionAuditTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("actions")
    @RegisterClientInterceptor(AsReasoningService.class)
    Actions actions;
    @Inject
    ActionExecutor executor;
    @Inject
    ActionRepository repository;
    @Inject
    AuditRelay relay;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void deliverWhatOtherTestsLeftPending() {
        GovernanceStandIn.reset();
        WebhookReceiver.responder = body -> 200;
        deliver();
    }

    @Test
    void actionRunsWhileGovernanceIsDownAndItsEntriesReachTheLedgerOnceInOrderWhenItIsBack() {
        ActionStatus proposed = propose("open_ticket", "ticket:outage-" + UUID.randomUUID());
        String id = proposed.getActionId();
        GovernanceStandIn.unavailable = true;

        executor.runOnce().await().atMost(WAIT);
        int deliveredDuringOutage = deliver();

        assertThat(repository.find(Proposals.TENANT, UUID.fromString(id)).await().atMost(WAIT).state())
                .isEqualTo(ActionState.EXECUTED);
        assertThat(deliveredDuringOutage).isZero();
        assertThat(GovernanceStandIn.auditOf(id)).isEmpty();
        assertThat(outboxRows(id)).extracting(OutboxRow::eventType, OutboxRow::pending)
                .containsExactly(tuple("action.proposed", true), tuple("action.executed", true));
        assertThat(metrics.get("watchfloor.audit.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(2);

        GovernanceStandIn.unavailable = false;
        deliver();
        deliver();

        List<OutboxRow> rows = outboxRows(id);
        assertThat(rows).noneMatch(OutboxRow::pending);
        assertThat(GovernanceStandIn.auditOf(id))
                .extracting(AppendAuditRequest::getEventType, AppendAuditRequest::getIdempotencyKey)
                .containsExactly(tuple("action.proposed", rows.get(0).id()),
                        tuple("action.executed", rows.get(1).id()));
        assertThat(metrics.get("watchfloor.audit.outbox.pending").gauge().value()).isZero();
    }

    @Test
    void appendWhoseAnswerWasLostIsSentAgainWithTheSameKeyAndStoredOnce() {
        String id = propose("notify", "user:lost-answer-" + UUID.randomUUID()).getActionId();
        GovernanceStandIn.ANSWERS_TO_LOSE.set(1);

        int firstPass = deliver();
        int secondPass = deliver();

        String key = outboxRows(id).get(0).id();
        assertThat(firstPass).isZero();
        assertThat(secondPass).isEqualTo(1);
        assertThat(GovernanceStandIn.appendCallsOf(id))
                .extracting(AppendAuditRequest::getEventType, AppendAuditRequest::getIdempotencyKey)
                .containsExactly(tuple("action.proposed", key), tuple("action.proposed", key));
        assertThat(GovernanceStandIn.auditOf(id)).extracting(AppendAuditRequest::getIdempotencyKey)
                .containsExactly(key);
        assertThat(outboxRows(id)).singleElement().satisfies(row -> {
            assertThat(row.pending()).isFalse();
            assertThat(row.attempts()).isEqualTo(2);
        });
    }

    private ActionStatus propose(String type, String target) {
        return actions.propose(request(newInvestigation(), action(type, target, "{}"))).await().atMost(WAIT)
                .getActions(0);
    }

    private int deliver() {
        return relay.deliverPending().await().atMost(WAIT);
    }

    record OutboxRow(String id, String eventType, boolean pending, int attempts) {
    }

    private List<OutboxRow> outboxRows(String actionId) {
        List<OutboxRow> rows = new ArrayList<>();
        pool.preparedQuery("SELECT id, event_type, delivered_at, attempts FROM action.audit_outbox "
                + "WHERE action_id = $1 ORDER BY seq").execute(Tuple.of(actionId)).await().atMost(WAIT)
                .forEach(r -> rows.add(new OutboxRow(r.getUUID("id").toString(), r.getString("event_type"),
                        r.getValue("delivered_at") == null, r.getInteger("attempts"))));
        return rows;
    }
}
