package dev.watchfloor.ingest.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ingest.intake.IntakeService.Kind;
import dev.watchfloor.ingest.intake.Submission;
import dev.watchfloor.ingest.normalize.NormalizedRecord;

/**
 * Writes alerts (with their outbox row), events and quarantined records into the evidence store, in the caller's
 * transaction, each kind as one batched statement.
 */
@ApplicationScoped
public class RecordRepository {

    /** A record to store under its id. */
    public record Stored(UUID id, NormalizedRecord record) {
    }

    /** A record that could not be read: where it started in the body, why, and its raw text. */
    public record Quarantined(UUID id, long offset, String reason, String raw) {
    }

    public Uni<Void> insert(SqlConnection conn, Submission s, Kind kind, Instant receivedAt, List<Stored> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(stored.size());
        OffsetDateTime at = utc(receivedAt);
        for (Stored st : stored) {
            NormalizedRecord r = st.record();
            rows.add(Tuple.from(Arrays.asList(st.id(), s.tenant(), at, utc(r.observedAt()), r.source(), r.title(),
                    r.entities().toArray(String[]::new), new JsonObject(r.body().toString()), r.time().original(),
                    r.time().flagNames().toArray(String[]::new), r.format(), storable(r.raw()),
                    r.warnings().toArray(String[]::new), r.severityId(), r.fingerprint(), s.submittedBy())));
        }
        if (kind == Kind.EVENT) {
            return conn.preparedQuery("INSERT INTO ingest.events (id, tenant, received_at, observed_at, source, "
                    + "summary, entities, body, time_text, time_flags, format, raw, warnings) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                    .executeBatch(rows.stream().map(t -> firstColumns(t, 13)).toList()).replaceWithVoid();
        }
        List<Tuple> outbox = stored.stream().map(st -> Tuple.of(s.tenant(), st.id(), s.traceparent())).toList();
        return conn.preparedQuery("INSERT INTO ingest.alerts (id, tenant, received_at, observed_at, source, title, "
                + "entities, body, time_text, time_flags, format, raw, warnings, severity_id, fingerprint, "
                + "submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
                .executeBatch(rows)
                .chain(() -> conn.preparedQuery(
                        "INSERT INTO ingest.outbox (tenant, alert_id, traceparent) VALUES ($1, $2, $3)")
                        .executeBatch(outbox))
                .replaceWithVoid();
    }

    public Uni<Void> quarantine(SqlConnection conn, Submission s, Kind kind, String source, Instant receivedAt,
            List<Quarantined> quarantined) {
        if (quarantined.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = utc(receivedAt);
        List<Tuple> rows = quarantined.stream().map(q -> Tuple.from(Arrays.asList(q.id(), s.tenant(), kind.wire(),
                at, s.submittedBy(), source, q.offset(), q.reason(), storable(q.raw())))).toList();
        return conn.preparedQuery("INSERT INTO ingest.quarantine (id, tenant, kind, received_at, submitted_by, "
                + "source, byte_offset, reason, raw) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(rows).replaceWithVoid();
    }

    private static Tuple firstColumns(Tuple t, int n) {
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(t.getValue(i));
        }
        return Tuple.from(values);
    }

    /** PostgreSQL text cannot hold NUL. */
    static String storable(String raw) {
        return raw == null ? null : raw.replace('\u0000', '\uFFFD');
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
