package dev.watchfloor.context.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Read path of the evidence store that ingest writes: the alert, records sharing an entity with it (found through
 * ingest's entity index, {@code ingest.entity_index}), and the alert's group. context-service has SELECT on those
 * tables only, and row-level security lets it see one tenant's rows per transaction: each read first sets
 * {@code watchfloor.tenant}, so a query that forgot its tenant filter would still see nothing else.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final String RELATED_EVENTS = related("event", "events", "summary");
    private static final String RELATED_ALERTS = related("alert", "alerts", "title");

    private final Pool pool;

    public EvidenceStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<StoredRecord> alert(String tenant, UUID id) {
        return asTenant(tenant,
                conn -> conn.preparedQuery("SELECT id, title AS summary, observed_at, entities, body::text AS body "
                        + "FROM ingest.alerts WHERE tenant = $1 AND id = $2")
                        .execute(Tuple.of(tenant, id))
                        .map(rows -> rows.iterator().hasNext() ? toRecord(rows.iterator().next(), true) : null));
    }

    /**
     * Events and other alerts of the tenant that mention any of the entities ("type:value"), newest first: at most
     * {@code limit} of each kind.
     */
    public Uni<List<StoredRecord>> related(String tenant, UUID alertId, List<String> entities, int limit) {
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String entity : entities) {
            int colon = entity.indexOf(':');
            if (colon > 0) {
                types.add(entity.substring(0, colon));
                values.add(entity.substring(colon + 1));
            }
        }
        Tuple pivots = Tuple.of(tenant, types.toArray(String[]::new), values.toArray(String[]::new), limit, alertId);
        return asTenant(tenant, conn -> conn.preparedQuery(RELATED_EVENTS).execute(pivots)
                .chain(events -> conn.preparedQuery(RELATED_ALERTS).execute(pivots).map(alerts -> {
                    List<StoredRecord> list = new ArrayList<>();
                    events.forEach(r -> list.add(toRecord(r, false)));
                    alerts.forEach(r -> list.add(toRecord(r, true)));
                    return list;
                })));
    }

    /**
     * Related records of one kind through the entity index: the newest {@code limit} index rows of each entity (a
     * backward scan of its index), the newest {@code limit} records among them, then their bodies by id and time (so a
     * partitioned table is read in the partitions of those times only).
     */
    private static String related(String kind, String table, String summary) {
        return "WITH hits AS (SELECT DISTINCT x.record_id, x.observed_at FROM unnest($2::text[], $3::text[]) "
                + "AS p(type, value) CROSS JOIN LATERAL (SELECT i.record_id, i.observed_at FROM ingest.entity_index i "
                + "WHERE i.tenant = $1 AND i.entity_type = p.type AND i.entity_value = p.value AND i.kind = '" + kind
                + "' AND i.record_id <> $5 ORDER BY i.observed_at DESC, i.record_id DESC LIMIT $4) x "
                + "ORDER BY x.observed_at DESC, x.record_id DESC LIMIT $4) "
                + "SELECT r.id, r." + summary + " AS summary, r.observed_at, r.entities, r.body::text AS body "
                + "FROM hits h JOIN ingest." + table + " r ON r.id = h.record_id AND r.observed_at = h.observed_at "
                + "WHERE r.tenant = $1 ORDER BY r.observed_at DESC, r.id DESC";
    }

    /**
     * The group of an alert, with at most {@code memberLimit} member ids in observed order; null when the alert is in
     * no group (or not the tenant's).
     */
    public Uni<StoredGroup> group(String tenant, UUID alertId, int memberLimit) {
        return asTenant(tenant, conn -> conn.preparedQuery("SELECT g.id, g.leader_alert_id, g.members, g.first_seen, "
                + "g.last_seen, g.keys, g.open, array(SELECT m.id FROM ingest.alerts m WHERE m.tenant = $1 "
                + "AND m.group_id = g.id ORDER BY m.observed_at, m.id LIMIT $3) AS member_ids "
                + "FROM ingest.alerts a JOIN ingest.alert_groups g ON g.id = a.group_id AND g.tenant = a.tenant "
                + "WHERE a.tenant = $1 AND a.id = $2")
                .execute(Tuple.of(tenant, alertId, memberLimit))
                .map(rows -> rows.iterator().hasNext() ? toGroup(rows.iterator().next()) : null));
    }

    /** Which of the candidate alerts belong to the group: they are its near duplicates, already counted by it. */
    public Uni<Set<String>> membersAmong(String tenant, String groupId, List<String> candidateIds) {
        if (candidateIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = candidateIds.stream().map(UUID::fromString).toArray(UUID[]::new);
        return asTenant(tenant, conn -> conn.preparedQuery("SELECT id FROM ingest.alerts WHERE tenant = $1 "
                + "AND group_id = $2 AND id = ANY($3)")
                .execute(Tuple.of(tenant, UUID.fromString(groupId), ids))
                .map(rows -> {
                    Set<String> members = new HashSet<>();
                    rows.forEach(r -> members.add(r.getUUID("id").toString()));
                    return members;
                }));
    }

    /** Runs the reads in one transaction that row-level security scopes to the tenant. */
    private <T> Uni<T> asTenant(String tenant, Function<SqlConnection, Uni<T>> reads) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT set_config('watchfloor.tenant', $1, true)")
                .execute(Tuple.of(tenant)).chain(() -> reads.apply(conn)));
    }

    private static StoredGroup toGroup(Row r) {
        return new StoredGroup(r.getUUID("id").toString(), r.getUUID("leader_alert_id").toString(),
                r.getInteger("members"), r.getOffsetDateTime("first_seen").toInstant(),
                r.getOffsetDateTime("last_seen").toInstant(), Arrays.asList(r.getArrayOfStrings("keys")),
                Arrays.stream(r.getArrayOfUUIDs("member_ids")).map(UUID::toString).toList(), r.getBoolean("open"));
    }

    private static StoredRecord toRecord(Row r, boolean alert) {
        return new StoredRecord(r.getUUID("id").toString(), alert, r.getString("summary"),
                r.getOffsetDateTime("observed_at").toInstant(), Arrays.asList(r.getArrayOfStrings("entities")),
                r.getString("body"));
    }
}
