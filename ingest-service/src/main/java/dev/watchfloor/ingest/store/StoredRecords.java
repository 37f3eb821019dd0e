package dev.watchfloor.ingest.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.intake.IntakeService.Kind;

/** Reads stored alerts, events and quarantine entries of one tenant, and marks quarantine entries replayed. */
@ApplicationScoped
public class StoredRecords {

    private final Pool pool;

    public StoredRecords(Pool pool) {
        this.pool = pool;
    }

    /** An alert or event with its envelope: what was received, how it was read, and the OCSF event. */
    public Uni<Map<String, Object>> record(String tenant, Kind kind, UUID id) {
        String from = kind == Kind.ALERT
                ? "r.title, r.severity_id, r.fingerprint, g.id AS group_id, g.leader_alert_id, g.members, "
                        + "g.first_seen, g.last_seen, g.keys FROM ingest.alerts r LEFT JOIN ingest.alert_groups g "
                        + "ON g.id = r.group_id"
                : "r.summary AS title FROM ingest.events r";
        return pool.preparedQuery("SELECT r.id, r.received_at, r.observed_at, r.source, r.entities, r.body, "
                + "r.time_text, r.time_flags, r.format, r.raw, r.warnings, r.duplicates, r.last_duplicate_at, " + from
                + " WHERE r.tenant = $1 AND r.id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound(kind.wire(), id.toString());
                    }
                    Row r = rows.iterator().next();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", r.getUUID("id").toString());
                    out.put("kind", kind.wire());
                    out.put("received_at", r.getOffsetDateTime("received_at").toString());
                    out.put("observed_at", r.getOffsetDateTime("observed_at").toString());
                    out.put("source", r.getString("source"));
                    out.put("format", r.getString("format"));
                    out.put("title", r.getString("title"));
                    if (kind == Kind.ALERT) {
                        out.put("severity_id", r.getInteger("severity_id"));
                        out.put("fingerprint", r.getString("fingerprint"));
                        if (r.getUUID("group_id") != null) {
                            Map<String, Object> group = new LinkedHashMap<>();
                            group.put("id", r.getUUID("group_id").toString());
                            group.put("leader", r.getUUID("leader_alert_id").toString());
                            group.put("members", r.getInteger("members"));
                            group.put("first_seen", r.getOffsetDateTime("first_seen").toString());
                            group.put("last_seen", r.getOffsetDateTime("last_seen").toString());
                            group.put("keys", Arrays.asList(r.getArrayOfStrings("keys")));
                            out.put("group", group);
                        }
                    }
                    out.put("duplicates", r.getInteger("duplicates"));
                    OffsetDateTime lastDuplicate = r.getOffsetDateTime("last_duplicate_at");
                    out.put("last_duplicate_at", lastDuplicate == null ? null : lastDuplicate.toString());
                    out.put("entities", Arrays.asList(r.getArrayOfStrings("entities")));
                    out.put("time_text", r.getString("time_text"));
                    out.put("time_flags", Arrays.asList(r.getArrayOfStrings("time_flags")));
                    out.put("warnings", Arrays.asList(r.getArrayOfStrings("warnings")));
                    out.put("event", ((JsonObject) r.getValue("body")).getMap());
                    out.put("raw", r.getString("raw"));
                    return out;
                });
    }

    /** A quarantine entry (its raw text only when asked). */
    public record Entry(String id, String kind, String received_at, String submitted_by, String source,
            long offset, String reason, Integer bytes, String raw, String replayed_at, String replayed_as) {
    }

    public Uni<List<Entry>> quarantine(String tenant, int limit, OffsetDateTime before) {
        return pool.preparedQuery("SELECT id, kind, received_at, submitted_by, source, byte_offset, reason, "
                + "octet_length(raw) AS bytes, NULL AS raw, replayed_at, replayed_as FROM ingest.quarantine "
                + "WHERE tenant = $1 AND ($2::timestamptz IS NULL OR received_at < $2) "
                + "ORDER BY received_at DESC, id LIMIT $3")
                .execute(Tuple.of(tenant, before, limit))
                .map(rows -> {
                    List<Entry> list = new ArrayList<>();
                    rows.forEach(r -> list.add(entry(r)));
                    return list;
                });
    }

    public Uni<Entry> quarantined(String tenant, UUID id) {
        return pool.preparedQuery("SELECT id, kind, received_at, submitted_by, source, byte_offset, reason, "
                + "octet_length(raw) AS bytes, raw, replayed_at, replayed_as FROM ingest.quarantine "
                + "WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("quarantined record", id.toString());
                    }
                    return entry(rows.iterator().next());
                });
    }

    /** Marks an entry replayed as the record it became, once: false when another replay got there first. */
    public Uni<Boolean> markReplayed(SqlConnection conn, String tenant, UUID id, UUID as) {
        return conn.preparedQuery("UPDATE ingest.quarantine SET replayed_at = now(), replayed_as = $3 "
                + "WHERE tenant = $1 AND id = $2 AND replayed_at IS NULL")
                .execute(Tuple.of(tenant, id, as)).map(rows -> rows.rowCount() == 1);
    }

    private static Entry entry(Row r) {
        OffsetDateTime replayedAt = r.getOffsetDateTime("replayed_at");
        UUID replayedAs = r.getUUID("replayed_as");
        return new Entry(r.getUUID("id").toString(), r.getString("kind"), r.getOffsetDateTime("received_at")
                .toString(), r.getString("submitted_by"), r.getString("source"), r.getLong("byte_offset"),
                r.getString("reason"), r.getInteger("bytes"), r.getString("raw"),
                replayedAt == null ? null : replayedAt.toString(), replayedAs == null ? null : replayedAs.toString());
    }
}
