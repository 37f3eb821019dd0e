package dev.watchfloor.governance.audit;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL access to governance.audit_entries. */
@ApplicationScoped
public class AuditRepository {

    private static final String COLUMNS = "id, tenant, seq, recorded_at, actor, event_type, alert_id, "
            + "investigation_id, action_id, trace_id, details, prev_hash, hash";

    private final Pool pool;

    public AuditRepository(Pool pool) {
        this.pool = pool;
    }

    /** Serializes appends of one tenant until the transaction ends. */
    Uni<Void> lockChain(SqlConnection conn, String tenant) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))")
                .execute(Tuple.of(tenant)).replaceWithVoid();
    }

    Uni<LedgerEntry> last(SqlConnection conn, String tenant) {
        return conn.preparedQuery("SELECT " + COLUMNS
                + " FROM governance.audit_entries WHERE tenant = $1 ORDER BY seq DESC LIMIT 1")
                .execute(Tuple.of(tenant))
                .map(rows -> rows.iterator().hasNext() ? toEntry(rows.iterator().next()) : null);
    }

    Uni<Void> insert(SqlConnection conn, LedgerEntry e) {
        return conn.preparedQuery("INSERT INTO governance.audit_entries (" + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .execute(Tuple.from(
                        Arrays.asList(e.id(), e.tenant(), e.seq(), e.recordedAt().atOffset(ZoneOffset.UTC),
                                e.actor(), e.eventType(), e.alertId(), e.investigationId(), e.actionId(), e.traceId(),
                                e.details(), e.prevHash(), e.hash())))
                .replaceWithVoid();
    }

    /** Entries of a tenant with seq greater than {@code afterSeq}, in chain order. */
    public Uni<List<LedgerEntry>> page(String tenant, long afterSeq, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS
                + " FROM governance.audit_entries WHERE tenant = $1 AND seq > $2 ORDER BY seq LIMIT $3")
                .execute(Tuple.of(tenant, afterSeq, limit))
                .map(rows -> {
                    List<LedgerEntry> list = new java.util.ArrayList<>();
                    rows.forEach(row -> list.add(toEntry(row)));
                    return list;
                });
    }

    /** Entries about one alert or one investigation (either filter may be empty), in chain order. */
    public Uni<List<LedgerEntry>> find(String tenant, String alertId, String investigationId, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM governance.audit_entries WHERE tenant = $1"
                + " AND ($2 = '' OR alert_id = $2) AND ($3 = '' OR investigation_id = $3) ORDER BY seq LIMIT $4")
                .execute(Tuple.of(tenant, alertId, investigationId, limit))
                .map(rows -> {
                    List<LedgerEntry> list = new java.util.ArrayList<>();
                    rows.forEach(row -> list.add(toEntry(row)));
                    return list;
                });
    }

    public Pool pool() {
        return pool;
    }

    private static LedgerEntry toEntry(Row r) {
        return new LedgerEntry(r.getUUID("id"), r.getString("tenant"), r.getLong("seq"),
                r.getOffsetDateTime("recorded_at").toInstant(), r.getString("actor"), r.getString("event_type"),
                r.getString("alert_id"), r.getString("investigation_id"), r.getString("action_id"),
                r.getString("trace_id"), r.getString("details"), r.getString("prev_hash"), r.getString("hash"));
    }

    static UUID newId() {
        return UUID.randomUUID();
    }
}
