package dev.watchfloor.governance.approval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL access to governance.approvals. */
@ApplicationScoped
public class ApprovalRepository {

    private static final String COLUMNS = "id, tenant, action_id, investigation_id, alert_id, action_type, target, "
            + "parameters_json, parameters_hash, requested_by, state, requested_at, expires_at, decided_by, "
            + "decided_at, reason";

    private final Pool pool;

    public ApprovalRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the approval unless one exists for the same action; returns the stored one either way. */
    Uni<Approval> insertIfAbsent(Approval a) {
        return pool.preparedQuery("INSERT INTO governance.approvals (" + COLUMNS + ") VALUES "
                + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL, NULL, NULL) "
                + "ON CONFLICT (tenant, action_id) DO NOTHING")
                .execute(Tuple.from(
                        Arrays.asList(a.id(), a.tenant(), a.actionId(), a.investigationId(), a.alertId(),
                                a.actionType(), a.target(), a.parametersJson(), a.parametersHash(), a.requestedBy(),
                                a.state().wire(), utc(a.requestedAt()), utc(a.expiresAt()))))
                .chain(() -> pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM governance.approvals WHERE tenant = $1 AND action_id = $2")
                        .execute(Tuple.of(a.tenant(), a.actionId())))
                .map(rows -> first(rows));
    }

    Uni<Approval> find(String tenant, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM governance.approvals WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id)).map(ApprovalRepository::first);
    }

    Uni<List<Approval>> list(String tenant, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS
                + " FROM governance.approvals WHERE tenant = $1 ORDER BY requested_at DESC LIMIT $2")
                .execute(Tuple.of(tenant, limit)).map(ApprovalRepository::all);
    }

    /** Moves a pending, unexpired approval to its decision; null when it was not pending or has lapsed. */
    Uni<Approval> decide(String tenant, UUID id, ApprovalState state, String decidedBy, String reason, Instant at) {
        return pool.preparedQuery("UPDATE governance.approvals SET state = $3, decided_by = $4, reason = $5, "
                + "decided_at = $6 WHERE tenant = $1 AND id = $2 AND state = 'pending' AND expires_at > $6 "
                + "RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(tenant, id, state.wire(), decidedBy, reason, utc(at))))
                .map(ApprovalRepository::first);
    }

    private static Approval first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? toApproval(rows.iterator().next()) : null;
    }

    private static List<Approval> all(RowSet<Row> rows) {
        List<Approval> list = new ArrayList<>();
        rows.forEach(r -> list.add(toApproval(r)));
        return list;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Approval toApproval(Row r) {
        return new Approval(r.getUUID("id"), r.getString("tenant"), r.getString("action_id"),
                r.getString("investigation_id"), r.getString("alert_id"), r.getString("action_type"),
                r.getString("target"), r.getString("parameters_json"), r.getString("parameters_hash"),
                r.getString("requested_by"), ApprovalState.fromWire(r.getString("state")),
                instant(r, "requested_at"), instant(r, "expires_at"), r.getString("decided_by"),
                instant(r, "decided_at"), r.getString("reason"));
    }
}
