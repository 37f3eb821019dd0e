package dev.watchfloor.ingest.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ingest.intake.IntakeService.Kind;
import dev.watchfloor.ingest.intake.Submission;
import dev.watchfloor.ingest.normalize.NormalizedRecord;

/**
 * Writes alerts (with their outbox row), events and quarantined records into the evidence store, in the caller's
 * transaction: a batch of alerts or events, with its entity index rows, is one statement ({@link RecordColumns}).
 */
@ApplicationScoped
public class RecordRepository {

    /** Counts copies on the stored alert: its (tenant, content_hash) is unique. */
    private static final String DUPLICATE_ALERTS = "UPDATE ingest.alerts a SET duplicates = a.duplicates + c.n, "
            + "last_duplicate_at = $4 FROM unnest($2::text[], $3::int[]) AS c(hash, n) "
            + "WHERE a.tenant = $1 AND a.content_hash = c.hash RETURNING a.id, a.content_hash";
    /** Counts copies on the stored event, found (id and month) through the hash that claimed it. */
    private static final String DUPLICATE_EVENTS = "UPDATE ingest.events e SET duplicates = e.duplicates + c.n, "
            + "last_duplicate_at = $4 FROM unnest($2::text[], $3::int[]) AS c(hash, n) JOIN ingest.event_hashes h "
            + "ON h.tenant = $1 AND h.content_hash = c.hash WHERE e.id = h.event_id AND e.observed_at = h.observed_at "
            + "RETURNING e.id, h.content_hash";

    private final EvidencePartitions partitions;

    public RecordRepository(EvidencePartitions partitions) {
        this.partitions = partitions;
    }

    /**
     * Call before the transaction that stores these records: makes their months' partitions (in a short transaction of
     * its own). Never fails; a month without a partition is stored in the DEFAULT one.
     */
    public Uni<Void> prepare(Instant receivedAt, List<Stored> stored) {
        return partitions.ensureFor(receivedAt, stored);
    }

    /** A record to store under its id. */
    public record Stored(UUID id, NormalizedRecord record) {
    }

    /** A record that could not be read: where it started in the body, why, and its raw text. */
    public record Quarantined(UUID id, long offset, String reason, String raw) {
    }

    /**
     * What became of a record: stored ({@code accepted}), a {@code duplicate} of a stored record ({@code of}), or
     * stored as a member of an alert group ({@code grouped}, {@code of} = the group, {@code leader} = its first alert).
     */
    public record Outcome(UUID id, String status, UUID of, UUID leader) {
    }

    /**
     * Stores a batch: exact duplicates (by content hash, within the batch or against stored records) are counted on the
     * stored record instead; new alerts join their open group, or open one and lead it; only leaders get an outbox row.
     * Answers one outcome per record, in order.
     */
    public Uni<List<Outcome>> insert(SqlConnection conn, Submission s, Kind kind, Instant receivedAt,
            List<Stored> stored, Duration groupWindow) {
        if (stored.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime at = utc(receivedAt);
        Map<String, Integer> firstByHash = new HashMap<>();
        List<Stored> candidates = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            if (firstByHash.putIfAbsent(stored.get(i).record().contentHash(), i) == null) {
                candidates.add(stored.get(i));
            }
        }
        return conn.preparedQuery(RecordColumns.sql(kind))
                .execute(RecordColumns.of(kind, s.tenant(), at, s.submittedBy(), candidates)).chain(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getUUID("id")));
                    return existing(conn, s.tenant(), kind, stored, inserted, at)
                            .chain(byHash -> kind == Kind.ALERT
                                    ? group(conn, s, candidates, inserted, groupWindow)
                                            .map(groups -> outcomes(stored, inserted, byHash, groups))
                                    : Uni.createFrom().item(outcomes(stored, inserted, byHash, Map.of())));
                });
    }

    /** The stored id of each duplicated content hash, counting the copies on that row. */
    private static Uni<Map<String, UUID>> existing(SqlConnection conn, String tenant, Kind kind, List<Stored> stored,
            Set<UUID> inserted, OffsetDateTime at) {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, UUID> byHash = new HashMap<>();
        for (Stored st : stored) {
            String hash = st.record().contentHash();
            if (inserted.contains(st.id())) {
                byHash.put(hash, st.id());
            } else {
                copies.merge(hash, 1, Integer::sum);
            }
        }
        if (copies.isEmpty()) {
            return Uni.createFrom().item(byHash);
        }
        String[] hashes = copies.keySet().toArray(String[]::new);
        Integer[] counts = copies.values().toArray(Integer[]::new);
        return conn.preparedQuery(kind == Kind.ALERT ? DUPLICATE_ALERTS : DUPLICATE_EVENTS)
                .execute(Tuple.of(tenant, hashes, counts, at))
                .map(rows -> {
                    rows.forEach(row -> byHash.put(row.getString("content_hash"), row.getUUID("id")));
                    return byHash;
                });
    }

    /**
     * Joins each new alert to its open group or opens one, attaches it, and gives each leader its outbox row (function
     * {@code ingest.join_alert_group}, migration V21: one round trip per alert); answers alert id → (group id, leader
     * id).
     */
    private static Uni<Map<UUID, UUID[]>> group(SqlConnection conn, Submission s, List<Stored> candidates,
            Set<UUID> inserted, Duration window) {
        double seconds = window.toMillis() / 1000.0;
        // One alert at a time, in body order: closing an expired group must see the groups earlier alerts opened.
        Map<UUID, UUID[]> groups = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Stored st : candidates) {
            if (!inserted.contains(st.id())) {
                continue;
            }
            Tuple args = Tuple.from(Arrays.asList(s.tenant(), st.record().fingerprint(), st.id(), UUID.randomUUID(),
                    utc(st.record().observedAt()), seconds, st.record().groupKeys().toArray(String[]::new),
                    s.traceparent()));
            chain = chain.chain(() -> conn.preparedQuery(JOIN_GROUP).execute(args))
                    .invoke(rows -> {
                        Row row = rows.iterator().next();
                        groups.put(st.id(), new UUID[]{row.getUUID("group_id"), row.getUUID("leader_id")});
                    })
                    .replaceWithVoid();
        }
        return chain.replaceWith(groups);
    }

    private static final String JOIN_GROUP = "SELECT group_id, leader_id FROM ingest.join_alert_group($1, $2, $3, $4, "
            + "$5, $6, $7, $8)";

    private static List<Outcome> outcomes(List<Stored> stored, Set<UUID> inserted, Map<String, UUID> byHash,
            Map<UUID, UUID[]> groups) {
        List<Outcome> out = new ArrayList<>(stored.size());
        for (Stored st : stored) {
            if (!inserted.contains(st.id())) {
                out.add(new Outcome(st.id(), "duplicate", byHash.get(st.record().contentHash()), null));
                continue;
            }
            UUID[] group = groups.get(st.id());
            if (group != null && !group[1].equals(st.id())) {
                out.add(new Outcome(st.id(), "grouped", group[0], group[1]));
            } else {
                out.add(new Outcome(st.id(), "accepted", group == null ? null : group[0], null));
            }
        }
        return out;
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

    /** PostgreSQL text cannot hold NUL. */
    static String storable(String raw) {
        return raw == null ? null : raw.replace('\u0000', '\uFFFD');
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
