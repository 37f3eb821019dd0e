package dev.watchfloor.ingest.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ingest.intake.IntakeService.Kind;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.store.RecordRepository.Stored;

/**
 * A batch of records as one statement writes it: each column an array ({@code unnest}ed into rows by the SQL of
 * {@link #sql}), and the entity index rows (record, time, entity type, value) as four more arrays. A record's own lists
 * (entities, time flags, warnings) travel as JSON arrays, since SQL arrays of arrays must be rectangular.
 */
final class RecordColumns {

    private static final String INPUT = "WITH input AS (SELECT * FROM unnest($2::uuid[], $3::timestamptz[], "
            + "$4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], "
            + "$12::text[], $13::text[]%s) AS r(id, observed_at, source, title, entities, body, time_text, "
            + "time_flags, format, raw, warnings, content_hash%s)), ";
    private static final String VALUES = "i.id, $1, $14, i.observed_at, i.source, i.title, " + list("i.entities")
            + ", i.body::jsonb, i.time_text, " + list("i.time_flags") + ", i.format, i.raw, " + list("i.warnings")
            + ", i.content_hash";
    private static final String COLUMNS = "id, tenant, received_at, observed_at, source, %s, entities, body, "
            + "time_text, time_flags, format, raw, warnings, content_hash";
    private static final String INDEX = "indexed AS (INSERT INTO ingest.entity_index (tenant, entity_type, "
            + "entity_value, kind, observed_at, record_id) SELECT $1, e.type, e.value, '%s', e.observed_at, e.id "
            + "FROM unnest($15::uuid[], $16::timestamptz[], $17::text[], $18::text[]) AS e(id, observed_at, type, "
            + "value) JOIN %s) ";

    /**
     * Events: the content hash is claimed in {@code event_hashes} first (a copy of any month loses there), then the
     * claimed events and their entity rows are written. Alerts: one table whose unique (tenant, content_hash) index
     * decides. Hashes are claimed in hash order, so two batches sharing records cannot deadlock. Answers the ids
     * stored.
     */
    static final String EVENTS = INPUT.formatted("", "")
            + "claimed AS (INSERT INTO ingest.event_hashes (tenant, content_hash, event_id, observed_at) "
            + "SELECT $1, content_hash, id, observed_at FROM input ORDER BY content_hash "
            + "ON CONFLICT (tenant, content_hash) DO NOTHING RETURNING event_id AS id), "
            + "stored AS (INSERT INTO ingest.events (" + COLUMNS.formatted("summary") + ") SELECT " + VALUES
            + " FROM input i JOIN claimed c ON c.id = i.id), "
            + INDEX.formatted("event", "claimed c ON c.id = e.id") + "SELECT id FROM claimed";
    static final String ALERTS = INPUT.formatted(", $19::int[], $20::text[]", ", severity_id, fingerprint")
            + "stored AS (INSERT INTO ingest.alerts (" + COLUMNS.formatted("title")
            + ", severity_id, fingerprint, submitted_by) SELECT " + VALUES + ", i.severity_id, i.fingerprint, $21 "
            + "FROM input i ORDER BY i.content_hash ON CONFLICT (tenant, content_hash) DO NOTHING RETURNING id), "
            + INDEX.formatted("alert", "stored s ON s.id = e.id") + "SELECT id FROM stored";

    private RecordColumns() {
    }

    static String sql(Kind kind) {
        return kind == Kind.ALERT ? ALERTS : EVENTS;
    }

    /**
     * The parameters of {@link #sql}: tenant, the record columns, the received time, the entity rows (alert fields).
     */
    static Tuple of(Kind kind, String tenant, OffsetDateTime receivedAt, String submittedBy, List<Stored> records) {
        int n = records.size();
        UUID[] ids = new UUID[n];
        OffsetDateTime[] observed = new OffsetDateTime[n];
        String[][] text = new String[10][n];
        Integer[] severities = new Integer[n];
        String[] fingerprints = new String[n];
        List<UUID> entityIds = new ArrayList<>();
        List<OffsetDateTime> entityTimes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NormalizedRecord r = records.get(i).record();
            ids[i] = records.get(i).id();
            observed[i] = r.observedAt().atOffset(ZoneOffset.UTC);
            String[] row = {r.source(), r.title(), json(r.entities()), r.body().toString(), r.time().original(),
                    json(r.time().flagNames()), r.format(), RecordRepository.storable(r.raw()), json(r.warnings()),
                    r.contentHash()};
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
            severities[i] = r.severityId();
            fingerprints[i] = r.fingerprint();
            for (String entity : r.entities()) {
                int colon = entity.indexOf(':');
                if (colon > 0) {
                    entityIds.add(ids[i]);
                    entityTimes.add(observed[i]);
                    types.add(entity.substring(0, colon));
                    values.add(entity.substring(colon + 1));
                }
            }
        }
        Tuple t = Tuple.tuple().addValue(tenant).addValue(ids).addValue(observed);
        for (String[] column : text) {
            t.addValue(column);
        }
        t.addValue(receivedAt).addValue(entityIds.toArray(UUID[]::new))
                .addValue(entityTimes.toArray(OffsetDateTime[]::new)).addValue(types.toArray(String[]::new))
                .addValue(values.toArray(String[]::new));
        if (kind == Kind.ALERT) {
            t.addValue(severities).addValue(fingerprints).addValue(submittedBy);
        }
        return t;
    }

    private static String list(String column) {
        return "ARRAY(SELECT jsonb_array_elements_text(" + column + "::jsonb))";
    }

    private static String json(List<String> values) {
        return new JsonArray(new ArrayList<Object>(values)).encode();
    }
}
