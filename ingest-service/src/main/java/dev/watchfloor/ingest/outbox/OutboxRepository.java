package dev.watchfloor.ingest.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Claims due outbox rows (skipping rows other replicas hold) and records delivery outcomes. */
@ApplicationScoped
public class OutboxRepository {

    /**
     * Claims due rows for {@code lease} in a statement of its own (committed before any call out): their next attempt
     * moves past the lease, so a relay that dies mid-delivery leaves them due again when it ends, and other replicas
     * skip them meanwhile.
     */
    Uni<List<PendingAlert>> claimDue(SqlConnection conn, int limit, Duration lease) {
        return conn.preparedQuery("WITH due AS (SELECT id FROM ingest.outbox WHERE delivered_at IS NULL "
                + "AND next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) "
                + "UPDATE ingest.outbox o SET next_attempt_at = now() + make_interval(secs => $2) FROM due, "
                + "ingest.alerts a WHERE o.id = due.id AND a.id = o.alert_id RETURNING o.id, o.attempts, "
                + "o.traceparent, a.tenant, a.id AS alert_id, a.source, a.title, a.severity_id, a.received_at, "
                + "a.submitted_by")
                .execute(Tuple.of(limit, lease.toMillis() / 1000.0))
                .map(rows -> {
                    List<PendingAlert> list = new ArrayList<>();
                    rows.forEach(r -> list.add(toPending(r)));
                    list.sort(java.util.Comparator.comparingLong(PendingAlert::outboxId));
                    return list;
                });
    }

    Uni<Void> delivered(SqlConnection conn, long id, String investigationId) {
        return conn.preparedQuery("UPDATE ingest.outbox SET delivered_at = now(), investigation_id = $2, "
                + "attempts = attempts + 1, last_error = NULL WHERE id = $1")
                .execute(Tuple.of(id, investigationId)).replaceWithVoid();
    }

    Uni<Void> failed(SqlConnection conn, long id, Duration retryIn, String error) {
        return conn.preparedQuery("UPDATE ingest.outbox SET attempts = attempts + 1, last_error = $2, "
                + "next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1")
                .execute(Tuple.of(id, error, retryIn.toMillis() / 1000.0)).replaceWithVoid();
    }

    private static PendingAlert toPending(Row r) {
        return new PendingAlert(r.getLong("id"), r.getInteger("attempts"), r.getString("traceparent"),
                r.getString("tenant"), r.getUUID("alert_id"), r.getString("source"), r.getString("title"),
                r.getInteger("severity_id"), r.getOffsetDateTime("received_at").toInstant(),
                r.getString("submitted_by"));
    }
}
