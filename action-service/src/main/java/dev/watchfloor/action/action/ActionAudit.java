package dev.watchfloor.action.action;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.trace.Trace;

/**
 * Audits action-service's steps: a state change and its entry in the audit outbox commit in one transaction, so what
 * the ledger says about an action can never diverge from the action's state. Governance receives the entry through the
 * outbox relay, with the trace the step ran in.
 */
@ApplicationScoped
public class ActionAudit {

    private final Pool pool;
    private final AuditOutbox outbox;

    public ActionAudit(Pool pool, AuditOutbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** One step to audit: its event type, the trace it ran in, details with ids, states and short reasons only. */
    public record Step(Trace trace, String eventType, Map<String, ?> details) {
    }

    /**
     * Runs {@code change} (an update returning the changed action, or null when no row matched) in a transaction and,
     * when it changed the action, records {@code step} for it in the same transaction. Emits the changed action or
     * null.
     */
    public Uni<Action> change(Step step, Function<SqlConnection, Uni<Action>> change) {
        return pool.withTransaction(tx -> change.apply(tx)
                .call(updated -> updated == null ? Uni.createFrom().voidItem() : record(tx, step, updated)));
    }

    private Uni<Void> record(SqlConnection tx, Step step, Action a) {
        AuditEntry entry = AuditEntry.of(a.tenant(), step.eventType()).alert(a.alertId())
                .investigation(a.investigationId()).action(a.id().toString()).details(step.details());
        return outbox.record(tx, step.trace(), entry).replaceWithVoid();
    }
}
