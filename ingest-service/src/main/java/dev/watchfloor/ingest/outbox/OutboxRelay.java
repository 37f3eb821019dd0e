package dev.watchfloor.ingest.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.trace.OwnContext;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Backoff;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationRequest;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationResponse;
import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.client.ReasoningClient;

/**
 * Drains the outbox into reasoning's Investigations.Submit. Rows are claimed with FOR UPDATE SKIP LOCKED for a lease
 * that is committed before any call out, so replicas share the work, no transaction is held open across a remote call,
 * and a relay that dies mid-delivery leaves its rows due again when the lease ends. Submit is idempotent on the alert
 * id, so a delivery repeated after a crash is harmless. Each delivery runs in a span whose parent is the trace of the
 * original POST; marking the row delivered and recording {@code alert.handed_off} in the audit outbox happen in one
 * short transaction.
 */
@ApplicationScoped
public class OutboxRelay {

    private final Pool pool;
    private final OutboxRepository outbox;
    private final ReasoningClient reasoning;
    private final AuditOutbox audit;
    private final Spans spans;
    private final IngestConfig.Outbox config;
    private final Backoff backoff;
    private final Vertx vertx;
    private final AtomicBoolean nudging = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(Pool pool, OutboxRepository outbox, ReasoningClient reasoning, AuditOutbox audit, Spans spans,
            IngestConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.pool = pool;
        this.outbox = outbox;
        this.reasoning = reasoning;
        this.audit = audit;
        this.spans = spans;
        this.config = config.outbox();
        this.backoff = new Backoff(this.config.backoffBase(), this.config.backoffMax());
    }

    /**
     * Runs a pass now (alerts were just committed), on a Vert.x context of its own so its spans stay its own. Passes
     * claim rows with SKIP LOCKED, so one that overlaps the scheduled pass hands off different alerts; nudges during a
     * nudged pass ask for one more after it.
     */
    public void nudge() {
        if (!config.nudge()) {
            return;
        }
        if (!nudging.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        OwnContext.run(vertx, "outbox pass", () -> relay().eventually(() -> {
            nudging.set(false);
            if (again.getAndSet(false)) {
                nudge();
            }
        }));
    }

    /**
     * One pass: claim due rows (committed at once, holding no transaction across calls out), hand each to reasoning,
     * then record each outcome in a short transaction of its own.
     */
    @Scheduled(every = "${watchfloor.ingest.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return pool.withTransaction(conn -> outbox.claimDue(conn, config.batchSize(), config.claimLease()))
                .chain(this::deliverAll)
                .onFailure().invoke(e -> Log.warnf("Outbox pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> deliverAll(List<PendingAlert> due) {
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deliver(PendingAlert p) {
        Map<String, String> ids = Map.of("watchfloor.tenant", p.tenant(), "watchfloor.alert.id", p.alertId()
                .toString());
        return spans.inSpan(Trace.fromTraceparent(p.traceparent()), "outbox.deliver", SpanKind.PRODUCER, ids,
                trace -> reasoning.submit(trace, request(p))
                        .call(response -> pool.withTransaction(conn -> outbox.delivered(conn, p.outboxId(),
                                response.getInvestigationId())
                                .chain(() -> audit.record(conn, trace, handedOff(p, response))))))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    Duration retryIn = backoff.after(p.attempts() + 1);
                    Log.warnf("Hand-off of alert %s failed (attempt %d), retrying in %s: %s", p.alertId(),
                            p.attempts() + 1, retryIn, e.getMessage());
                    return pool.withTransaction(conn -> outbox.failed(conn, p.outboxId(), retryIn,
                            String.valueOf(e.getMessage())));
                });
    }

    private static AuditEntry handedOff(PendingAlert p, SubmitInvestigationResponse response) {
        return AuditEntry.of(p.tenant(), "alert.handed_off").onBehalfOf(p.submittedBy()).alert(p.alertId().toString())
                .investigation(response.getInvestigationId())
                .details(Map.of("attempt", p.attempts() + 1, "source", p.source()));
    }

    private static SubmitInvestigationRequest request(PendingAlert p) {
        return SubmitInvestigationRequest.newBuilder()
                .setTenant(p.tenant())
                .setAlertId(p.alertId().toString())
                .setSource(p.source())
                .setTitle(p.title())
                .setSeverityId(p.severityId())
                .setReceivedAt(p.receivedAt().toString())
                .setSubmittedBy(p.submittedBy())
                .build();
    }
}
