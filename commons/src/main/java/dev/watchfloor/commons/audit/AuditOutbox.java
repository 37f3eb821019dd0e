package dev.watchfloor.commons.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

import dev.watchfloor.commons.trace.Trace;

/**
 * Records an audit entry in the transaction of the change it describes: one row in the service's {@code audit_outbox},
 * committed or rolled back with that change, and delivered to governance's ledger afterwards by {@link AuditRelay}. So
 * a step is never audited without having happened, and never happens without its entry reaching the ledger eventually,
 * even when governance is down at the time.
 */
@ApplicationScoped
public class AuditOutbox {

    private final AuditOutboxStore store;
    private final AuditRelay relay;

    public AuditOutbox(AuditOutboxStore store, AuditRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    /**
     * Inserts the entry with the caller's transaction {@code tx}; the trace's id and traceparent are stored with it, so
     * the delivery runs in the original trace. Emits the row id, which is the entry's idempotency key at governance.
     * Once the transaction commits, the relay is asked to deliver at once rather than at its next scheduled pass.
     */
    public Uni<UUID> record(SqlConnection tx, Trace trace, AuditEntry entry) {
        UUID id = UUID.randomUUID();
        return store.insert(tx, id, trace, entry)
                .invoke(() -> nudgeAfterCommit(tx))
                .replaceWith(id);
    }

    private void nudgeAfterCommit(SqlConnection tx) {
        Transaction transaction = tx.transaction();
        if (transaction == null) {
            relay.nudge();
            return;
        }
        transaction.completion().subscribe().with(committed -> relay.nudge(), rolledBack -> {
        });
    }
}
