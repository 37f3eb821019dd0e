package dev.watchfloor.governance.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ledger.AuditRecord;
import dev.watchfloor.ledger.CanonicalJson;
import dev.watchfloor.ledger.Checkpoint;

/** SQL access to governance.audit_entries and governance.audit_checkpoints. */
@ApplicationScoped
public class AuditRepository {

    private static final String COLUMNS = "id, tenant, seq, recorded_at, actor, on_behalf_of, event_type, alert_id, "
            + "investigation_id, action_id, trace_id, idempotency_key, details, prev_hash, hash";
    private static final String CHECKPOINT_COLUMNS = "tenant, seq, head_hash, created_at, key_id, signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    public AuditRepository(Pool pool) {
        this.pool = pool;
    }

    /** Serializes appends (and checkpoints) of one tenant until the transaction ends. */
    Uni<Void> lockChain(SqlConnection conn, String tenant) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))")
                .execute(Tuple.of(tenant)).replaceWithVoid();
    }

    Uni<AuditRecord> last(SqlClient conn, String tenant) {
        return conn.preparedQuery("SELECT " + COLUMNS
                + " FROM governance.audit_entries WHERE tenant = $1 ORDER BY seq DESC LIMIT 1")
                .execute(Tuple.of(tenant)).map(AuditRepository::first);
    }

    /** The tenant's stored entries with these idempotency keys, by key. */
    Uni<Map<String, AuditRecord>> byIdempotencyKeys(SqlConnection conn, String tenant, List<String> keys) {
        return conn.preparedQuery("SELECT " + COLUMNS
                + " FROM governance.audit_entries WHERE tenant = $1 AND idempotency_key = ANY($2)")
                .execute(Tuple.of(tenant, keys.toArray(String[]::new))).map(rows -> {
                    Map<String, AuditRecord> byKey = new HashMap<>();
                    rows.forEach(row -> {
                        AuditRecord r = toRecord(row);
                        byKey.put(r.idempotencyKey(), r);
                    });
                    return byKey;
                });
    }

    /** Inserts the entries in one round trip. */
    Uni<Void> insertAll(SqlConnection conn, List<AuditRecord> entries) {
        List<Tuple> rows = entries.stream().map(e -> Tuple.from(Arrays.asList(e.id(), e.tenant(), e.seq(),
                LedgerTime.parse(e.recordedAt()), e.actor(), e.onBehalfOf(), e.eventType(), e.alertId(),
                e.investigationId(), e.actionId(), e.traceId(), e.idempotencyKey(),
                CanonicalJson.canonicalize(e.details()), e.prevHash(), e.hash()))).toList();
        return conn.preparedQuery("INSERT INTO governance.audit_entries (" + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Entries of a tenant with seq in (afterSeq, toSeq], in chain order. */
    public Uni<List<AuditRecord>> page(String tenant, long afterSeq, long toSeq, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM governance.audit_entries"
                + " WHERE tenant = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4")
                .execute(Tuple.of(tenant, afterSeq, toSeq, limit)).map(AuditRepository::all);
    }

    /** The stored hash of one entry, or null. */
    Uni<String> hashAt(String tenant, long seq) {
        return pool.preparedQuery("SELECT hash FROM governance.audit_entries WHERE tenant = $1 AND seq = $2")
                .execute(Tuple.of(tenant, seq))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("hash") : null);
    }

    /** Entries about one alert or one investigation (either filter may be empty), in chain order. */
    public Uni<List<AuditRecord>> find(String tenant, String alertId, String investigationId, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM governance.audit_entries WHERE tenant = $1"
                + " AND ($2 = '' OR alert_id = $2) AND ($3 = '' OR investigation_id = $3) ORDER BY seq LIMIT $4")
                .execute(Tuple.of(tenant, alertId, investigationId, limit)).map(AuditRepository::all);
    }

    /**
     * Who submitted the alert, as ingest-service recorded when it handed the alert off (the actor is the authenticated
     * caller, so only ingest's own entries count); empty when that entry is not in the ledger.
     */
    public Uni<java.util.Optional<String>> alertSubmitter(String tenant, String alertId) {
        return pool
                .preparedQuery("SELECT on_behalf_of FROM governance.audit_entries WHERE tenant = $1 AND alert_id = $2"
                        + " AND event_type = 'alert.handed_off' AND actor = 'ingest-service' ORDER BY seq LIMIT 1")
                .execute(Tuple.of(tenant, alertId)).map(rows -> rows.iterator().hasNext()
                        ? java.util.Optional.of(rows.iterator().next().getString("on_behalf_of"))
                        : java.util.Optional.empty());
    }

    Uni<Void> insertCheckpoint(SqlConnection conn, Checkpoint c) {
        return conn.preparedQuery("INSERT INTO governance.audit_checkpoints (" + CHECKPOINT_COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant, seq) DO NOTHING")
                .execute(Tuple.of(c.tenant(), c.seq(), c.headHash(), c.createdAt(), c.keyId(), c.signature()))
                .replaceWithVoid();
    }

    Uni<List<Checkpoint>> checkpoints(String tenant) {
        return pool.preparedQuery("SELECT " + CHECKPOINT_COLUMNS
                + " FROM governance.audit_checkpoints WHERE tenant = $1 ORDER BY seq")
                .execute(Tuple.of(tenant)).map(rows -> {
                    List<Checkpoint> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Checkpoint(r.getString("tenant"), r.getLong("seq"),
                            r.getString("head_hash"), r.getString("created_at"), r.getString("key_id"),
                            r.getString("signature"))));
                    return list;
                });
    }

    /** Tenants whose newest entry is newer than their newest checkpoint. */
    Uni<List<String>> tenantsAheadOfCheckpoint() {
        return pool.query("SELECT e.tenant FROM (SELECT tenant, max(seq) AS head FROM governance.audit_entries"
                + " GROUP BY tenant) e LEFT JOIN (SELECT tenant, max(seq) AS seq FROM governance.audit_checkpoints"
                + " GROUP BY tenant) c ON c.tenant = e.tenant WHERE c.seq IS NULL OR c.seq < e.head").execute()
                .map(rows -> {
                    List<String> tenants = new ArrayList<>();
                    rows.forEach(r -> tenants.add(r.getString("tenant")));
                    return tenants;
                });
    }

    public Pool pool() {
        return pool;
    }

    private static AuditRecord first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? toRecord(rows.iterator().next()) : null;
    }

    private static List<AuditRecord> all(RowSet<Row> rows) {
        List<AuditRecord> list = new ArrayList<>();
        rows.forEach(row -> list.add(toRecord(row)));
        return list;
    }

    private static AuditRecord toRecord(Row r) {
        return new AuditRecord(r.getUUID("id"), r.getString("tenant"), r.getLong("seq"),
                LedgerTime.format(r.getOffsetDateTime("recorded_at").toInstant()), r.getString("actor"),
                r.getString("on_behalf_of"), r.getString("event_type"), r.getString("alert_id"),
                r.getString("investigation_id"), r.getString("action_id"), r.getString("trace_id"),
                r.getString("idempotency_key"), json(r.getString("details")), r.getString("prev_hash"),
                r.getString("hash"));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            // altered into something that is not JSON: keep the text, so verification reports the entry as altered
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
        }
    }

    static UUID newId() {
        return UUID.randomUUID();
    }
}
