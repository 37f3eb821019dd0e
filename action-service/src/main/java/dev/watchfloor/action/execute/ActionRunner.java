package dev.watchfloor.action.execute;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.action.ActionConfig;
import dev.watchfloor.action.action.Action;
import dev.watchfloor.action.action.ActionAudit;
import dev.watchfloor.action.connector.ConnectorException;
import dev.watchfloor.action.connector.ConnectorResult;
import dev.watchfloor.action.connector.WebhookConnector;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Backoff;
import dev.watchfloor.contracts.domain.ActionState;

/**
 * Executes approved actions under a lease: each run is a span in the trace of the request that proposed the action;
 * success is {@code executed}, a failure is retried with backoff until {@code max-attempts}, then {@code failed}. The
 * outcome and its audit entry ({@code action.executed} / {@code action.failed}) commit together.
 */
@ApplicationScoped
public class ActionRunner {

    static final String EXECUTED = "action.executed";
    static final String FAILED = "action.failed";

    /** This replica's name on the leases it holds. */
    private final String owner = "action-service-" + UUID.randomUUID();
    private final ActionQueue queue;
    private final WebhookConnector connector;
    private final Spans spans;
    private final ActionConfig config;
    private final Backoff backoff;

    public ActionRunner(ActionQueue queue, WebhookConnector connector, Spans spans, ActionConfig config) {
        this.queue = queue;
        this.connector = connector;
        this.spans = spans;
        this.config = config;
        this.backoff = new Backoff(config.retryBackoff(), config.maxBackoff());
    }

    /** Claims and executes the due actions; the number claimed. */
    public Uni<Integer> runDue() {
        return queue.claimDue(owner, config.lease(), config.batchSize())
                .onItem().transformToMulti(actions -> Multi.createFrom().iterable(actions))
                .onItem().transformToUni(this::run).merge(config.batchSize())
                .collect().with(Collectors.counting()).map(Long::intValue);
    }

    private Uni<Void> run(Action action) {
        if (action.attempts() > config.maxAttempts()) {
            // Claimed again after a lease lapsed on the last attempt: do not exceed the limit.
            return end(Trace.fromTraceparent(action.traceparent()), action, ActionState.FAILED,
                    "lease lapsed during the last of " + config.maxAttempts() + " attempts");
        }
        Map<String, String> attributes = Map.of("watchfloor.action.id", action.id().toString(),
                "watchfloor.action.type", action.type().wire(), "watchfloor.tenant", action.tenant(),
                "watchfloor.investigation.id", action.investigationId(),
                "watchfloor.action.attempt", String.valueOf(action.attempts()));
        return spans.inSpan(Trace.fromTraceparent(action.traceparent()), "action.execute", SpanKind.INTERNAL,
                attributes, trace -> boundAsApproved(action).chain(mismatch -> mismatch.isEmpty()
                        ? connector.execute(trace, action).chain(result -> succeeded(trace, action, result))
                                .onFailure().recoverWithUni(e -> failed(trace, action, e))
                        : end(trace, action, ActionState.FAILED, mismatch)))
                .onFailure().recoverWithUni(e -> {
                    Log.errorf(e, "Execution bookkeeping of action %s failed; its lease will lapse", action.id());
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Re-checks, immediately before executing, that the action is still what its approval bound (id, type, target,
     * parameters hash); empty when it is, or when the action needed no approval.
     */
    private Uni<String> boundAsApproved(Action action) {
        if (action.approvalId().isEmpty()) {
            return Uni.createFrom().item("");
        }
        String now = ApprovalBinding.of(action).text();
        return queue.approvedBinding(action.id()).map(bound -> bound.equals(now)
                ? ""
                : "the action no longer matches its approval " + action.approvalId() + " (approved: " + bound
                        + "; now: " + now + "); not executing");
    }

    private Uni<Void> succeeded(Trace trace, Action action, ConnectorResult result) {
        return end(trace, action, ActionState.EXECUTED, result.detail());
    }

    private Uni<Void> failed(Trace trace, Action action, Throwable e) {
        Span.fromContext(trace.context()).setStatus(StatusCode.ERROR, e.getMessage());
        String reason = e instanceof ConnectorException ? e.getMessage() : e.toString();
        boolean retryable = !(e instanceof ConnectorException c) || c.retryable();
        if (!retryable || action.attempts() >= config.maxAttempts()) {
            String detail = retryable
                    ? "attempt " + action.attempts() + " of " + config.maxAttempts()
                            + " failed: " + reason
                    : reason;
            return end(trace, action, ActionState.FAILED, detail);
        }
        var wait = backoff.after(action.attempts());
        String detail = "attempt " + action.attempts() + " of " + config.maxAttempts() + " failed: " + reason
                + "; retrying in " + wait;
        Log.warnf("Action %s: %s", action.id(), detail);
        return queue.retryLater(action.id(), owner, detail, wait).replaceWithVoid();
    }

    /** Records the outcome and its audit entry in one transaction; a failure leaves the lease to lapse and rerun it. */
    private Uni<Void> end(Trace trace, Action action, ActionState state, String detail) {
        String event = state == ActionState.EXECUTED ? EXECUTED : FAILED;
        ActionAudit.Step step = new ActionAudit.Step(trace, event, Map.of("type", action.type().wire(), "target",
                action.target(), "attempts", action.attempts(), "detail", detail));
        return queue.finish(action.id(), owner, state, detail, step).invoke(updated -> {
            if (updated == null) {
                Log.warnf("Action %s: lease lost before recording %s", action.id(), state.wire());
            } else {
                Log.infof("Action %s %s: %s", action.id(), state.wire(), detail);
            }
        }).replaceWithVoid();
    }
}
