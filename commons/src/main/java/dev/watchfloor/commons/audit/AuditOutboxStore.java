package dev.watchfloor.commons.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.trace.Trace;

/**
 * SQL of {@code <schema>.audit_outbox}, the schema being the service's own ({@code quarkus.flyway.default-schema});
 * each service creates the table with its own Flyway migration.
 */
@ApplicationScoped
class AuditOutboxStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String COLUMNS = "id, seq, attempts, trace_id, traceparent, tenant, on_behalf_of, "
            + "event_type, alert_id, investigation_id, action_id, details_json";

    private final Pool pool;
    private final String table;

    AuditOutboxStore(Pool pool,
            @ConfigProperty(name = "quarkus.flyway.default-schema", defaultValue = "public") String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException(
                    "quarkus.flyway.default-schema '" + schema + "' is not a plain schema name");
        }
        this.pool = pool;
        this.table = schema + ".audit_outbox";
    }

    String table() {
        return table;
    }

    /** Whether this service's schema has the table (governance, which keeps the ledger itself, has none). */
    Uni<Boolean> exists() {
        return pool.preparedQuery("SELECT to_regclass($1) IS NOT NULL AS present").execute(Tuple.of(table))
                .map(rows -> rows.iterator().next().getBoolean("present"));
    }

    Uni<Void> insert(SqlConnection tx, UUID id, Trace trace, AuditEntry e) {
        return tx.preparedQuery("INSERT INTO " + table + " (id, tenant, on_behalf_of, event_type, alert_id, "
                + "investigation_id, action_id, details_json, trace_id, traceparent) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(Arrays.asList(id, e.tenant(), e.onBehalfOf(), e.eventType(), e.alertId(),
                        e.investigationId(), e.actionId(), e.detailsJson(), trace.traceId(), trace.traceparent())))
                .replaceWithVoid();
    }

    /**
     * Leases due entries to {@code owner}, oldest first. An entry is skipped while an older pending entry of its tenant
     * waits for a retry or is leased elsewhere, so a tenant's entries reach the ledger in the order they were written.
     * Claims are serialized by a transaction-scoped advisory lock, so each claim sees the leases of the one before.
     */
    Uni<List<PendingAudit>> claim(String owner, Duration lease, int limit) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of(table))
                .chain(() -> tx.preparedQuery("UPDATE " + table + " SET lease_owner = $1, "
                        + "lease_until = now() + make_interval(secs => $2) WHERE id IN (SELECT o.id FROM " + table
                        + " o WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now() "
                        + "AND (o.lease_until IS NULL OR o.lease_until < now()) AND NOT EXISTS (SELECT 1 FROM "
                        + table + " e WHERE e.tenant = o.tenant AND e.delivered_at IS NULL AND e.seq < o.seq "
                        + "AND (e.next_attempt_at > now() OR e.lease_until >= now())) "
                        + "ORDER BY o.seq LIMIT $3 FOR UPDATE OF o SKIP LOCKED) RETURNING " + COLUMNS)
                        .execute(Tuple.of(owner, seconds(lease), limit))))
                .map(rows -> {
                    List<PendingAudit> list = new ArrayList<>();
                    rows.forEach(r -> list.add(toPending(r)));
                    list.sort(Comparator.comparingLong(PendingAudit::seq));
                    return list;
                });
    }

    Uni<Void> delivered(List<UUID> ids) {
        return pool.preparedQuery("UPDATE " + table + " SET delivered_at = now(), attempts = attempts + 1, "
                + "last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    Uni<Void> retryLater(List<UUID> ids, String error, Duration wait) {
        return pool.preparedQuery("UPDATE " + table + " SET attempts = attempts + 1, last_error = $2, "
                + "next_attempt_at = now() + make_interval(secs => $3), lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ANY($1) AND delivered_at IS NULL")
                .execute(Tuple.of(ids.toArray(UUID[]::new), error, seconds(wait))).replaceWithVoid();
    }

    /** Gives back entries claimed but not tried in this pass. */
    Uni<Void> release(String owner, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE " + table + " SET lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ANY($1) AND lease_owner = $2 AND delivered_at IS NULL")
                .execute(Tuple.of(ids.toArray(UUID[]::new), owner)).replaceWithVoid();
    }

    Uni<Long> countPending() {
        return pool.query("SELECT count(*) AS pending FROM " + table + " WHERE delivered_at IS NULL").execute()
                .map(rows -> rows.iterator().next().getLong("pending"));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static PendingAudit toPending(Row r) {
        AuditEntry entry = new AuditEntry(r.getString("tenant"), r.getString("on_behalf_of"),
                r.getString("event_type"), r.getString("alert_id"), r.getString("investigation_id"),
                r.getString("action_id"), r.getString("details_json"));
        return new PendingAudit(r.getUUID("id"), r.getLong("seq"), r.getInteger("attempts"),
                r.getString("trace_id"), r.getString("traceparent"), entry);
    }
}
