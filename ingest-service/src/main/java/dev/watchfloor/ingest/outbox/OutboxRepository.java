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

    Uni<List<PendingAlert>> claimDue(SqlConnection conn, int limit) {
        return conn.preparedQuery("SELECT o.id, o.attempts, o.traceparent, a.tenant, a.id AS alert_id, a.source, "
                + "a.title, a.severity_id, a.received_at, a.submitted_by FROM ingest.outbox o JOIN ingest.alerts a ON a.id = o.alert_id "
                + "WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now() ORDER BY o.id LIMIT $1 "
                + "FOR UPDATE OF o SKIP LOCKED")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingAlert> list = new ArrayList<>();
                    rows.forEach(r -> list.add(toPending(r)));
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
