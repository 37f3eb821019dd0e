package dev.watchfloor.ingest.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ingest.intake.Submission;
import dev.watchfloor.ingest.normalize.NormalizedRecord;

/** Writes alerts (with their outbox row) and events into the evidence store, in the caller's transaction. */
@ApplicationScoped
public class RecordRepository {

    public Uni<Void> insertAlert(SqlConnection conn, Submission s, UUID id, Instant receivedAt, NormalizedRecord r) {
        String tenant = s.tenant();
        String traceparent = s.traceparent();
        return conn.preparedQuery("INSERT INTO ingest.alerts (id, tenant, received_at, observed_at, source, title, "
                + "severity_id, fingerprint, entities, body, submitted_by, time_text, time_flags) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .execute(Tuple.from(
                        Arrays.asList(id, tenant, utc(receivedAt), utc(r.observedAt()), r.source(), r.title(),
                                r.severityId(), r.fingerprint(), r.entities().toArray(String[]::new), json(r),
                                s.submittedBy(), r.time().original(), flags(r))))
                .chain(() -> conn.preparedQuery(
                        "INSERT INTO ingest.outbox (tenant, alert_id, traceparent) VALUES ($1, $2, $3)")
                        .execute(Tuple.of(tenant, id, traceparent)))
                .replaceWithVoid();
    }

    public Uni<Void> insertEvent(SqlConnection conn, String tenant, UUID id, Instant receivedAt,
            NormalizedRecord r) {
        return conn.preparedQuery("INSERT INTO ingest.events (id, tenant, received_at, observed_at, source, summary, "
                + "entities, body, time_text, time_flags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(
                        Arrays.asList(id, tenant, utc(receivedAt), utc(r.observedAt()), r.source(), r.title(),
                                r.entities().toArray(String[]::new), json(r), r.time().original(), flags(r))))
                .replaceWithVoid();
    }

    private static String[] flags(NormalizedRecord r) {
        return r.time().flagNames().toArray(String[]::new);
    }

    private static JsonObject json(NormalizedRecord r) {
        return new JsonObject(r.body().toString());
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
