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
import io.smallrye.mutiny.tuples.Tuple2;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Read path of the evidence store that ingest writes: the alert, records sharing an entity with it, and the alert's
 * group. context-service has SELECT on those tables only, and row-level security lets it see one tenant's rows per
 * transaction: each read first sets {@code watchfloor.tenant}, so a query that forgot its tenant filter would still see
 * nothing else.
 */
@ApplicationScoped
public class EvidenceStore {

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

    /** Events and other alerts of the tenant that mention any of the entities, newest first. */
    public Uni<List<StoredRecord>> related(String tenant, UUID alertId, List<String> entities, int limit) {
        String[] pivots = entities.toArray(String[]::new);
        return asTenant(tenant, conn -> related(conn, tenant, alertId, pivots, limit));
    }

    private static Uni<List<StoredRecord>> related(SqlConnection conn, String tenant, UUID alertId, String[] pivots,
            int limit) {
        Uni<RowSet<Row>> events = conn.preparedQuery("SELECT id, summary, observed_at, entities, body::text AS body "
                + "FROM ingest.events WHERE tenant = $1 AND entities && $2 ORDER BY observed_at DESC LIMIT $3")
                .execute(Tuple.of(tenant, pivots, limit));
        Uni<RowSet<Row>> alerts = conn.preparedQuery("SELECT id, title AS summary, observed_at, entities, "
                + "body::text AS body FROM ingest.alerts WHERE tenant = $1 AND id <> $2 AND entities && $3 "
                + "ORDER BY observed_at DESC LIMIT $4")
                .execute(Tuple.of(tenant, alertId, pivots, limit));
        return events.chain(e -> alerts.map(a -> Tuple2.of(e, a))).map(both -> {
            List<StoredRecord> list = new ArrayList<>();
            both.getItem1().forEach(r -> list.add(toRecord(r, false)));
            both.getItem2().forEach(r -> list.add(toRecord(r, true)));
            return list;
        });
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
