package dev.watchfloor.reasoning.investigation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.reasoning.queue.WorkSignal;

/**
 * Creates investigations (idempotent on tenant + alert), each with its {@code investigation.queued} audit entry in the
 * same transaction, and reads them back.
 */
@ApplicationScoped
public class InvestigationRepository {

    private static final String SUMMARY = "id, alert_id, title, status, verdict, severity, confidence, attempts, "
            + "created_at, completed_at, trace_id, last_error";

    private final Pool pool;
    private final AuditOutbox audit;

    public InvestigationRepository(Pool pool, AuditOutbox audit) {
        this.pool = pool;
        this.audit = audit;
    }

    public record Created(UUID id, boolean created) {
    }

    /**
     * Inserts the investigation unless its alert has one; only a new one records {@code queued} (in its transaction)
     * and notifies the workers, who hear it when the transaction commits.
     */
    public Uni<Created> insertIfAbsent(Trace trace, UUID id, NewInvestigation n, AuditEntry queued) {
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO reasoning.investigations (id, tenant, "
                + "alert_id, source, title, severity_id, received_at, traceparent, trace_id, status) VALUES ($1, $2, "
                + "$3, $4, $5, $6, $7, $8, $9, 'queued') ON CONFLICT (tenant, alert_id) DO NOTHING RETURNING id")
                .execute(Tuple.from(
                        Arrays.asList(id, n.tenant(), n.alertId(), n.source(), n.title(), n.severityId(),
                                n.receivedAt(), n.traceparent() == null ? "" : n.traceparent(), n.traceId())))
                .chain(rows -> rows.rowCount() == 1
                        ? audit.record(tx, trace, queued)
                                .chain(() -> tx.query(WorkSignal.NOTIFY).execute())
                                .replaceWith(new Created(id, true))
                        : tx.preparedQuery("SELECT id FROM reasoning.investigations WHERE tenant = $1 "
                                + "AND alert_id = $2").execute(Tuple.of(n.tenant(), n.alertId()))
                                .map(existing -> new Created(existing.iterator().next().getUUID("id"), false))));
    }

    /**
     * The tenant's investigations, newest first, optionally of one alert and in one status. Each combination of filters
     * is its own statement, so each can use its index (by alert; by status and time; by time) rather than one plan
     * scanning for all.
     */
    public Uni<List<InvestigationSummary>> list(String tenant, String alertId, String status, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant));
        StringBuilder where = new StringBuilder("tenant = $1");
        if (!alertId.isEmpty()) {
            params.add(alertId);
            where.append(" AND alert_id = $").append(params.size());
        }
        if (!status.isEmpty()) {
            params.add(status);
            where.append(" AND status = $").append(params.size());
        }
        params.add(limit);
        return pool.preparedQuery("SELECT " + SUMMARY + " FROM reasoning.investigations WHERE " + where
                + " ORDER BY created_at DESC LIMIT $" + params.size())
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<InvestigationSummary> list = new ArrayList<>();
                    rows.forEach(r -> list.add(toSummary(r)));
                    return list;
                });
    }

    public record Stored(InvestigationSummary summary, JsonObject result) {
    }

    public Uni<Stored> find(String tenant, UUID id) {
        return pool.preparedQuery("SELECT " + SUMMARY + ", result FROM reasoning.investigations "
                + "WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Stored(toSummary(r), r.getJsonObject("result"));
                });
    }

    private static InvestigationSummary toSummary(Row r) {
        return new InvestigationSummary(r.getUUID("id").toString(), r.getString("alert_id"), r.getString("title"),
                r.getString("status"), r.getString("verdict"), r.getString("severity"), r.getDouble("confidence"),
                r.getInteger("attempts"), instant(r.getOffsetDateTime("created_at")),
                instant(r.getOffsetDateTime("completed_at")), r.getString("trace_id"), r.getString("last_error"));
    }

    private static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
