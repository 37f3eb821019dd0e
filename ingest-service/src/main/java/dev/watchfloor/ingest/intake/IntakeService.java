package dev.watchfloor.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.util.Hashing;
import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.outbox.OutboxRelay;
import dev.watchfloor.ingest.store.IdempotencyKeys;
import dev.watchfloor.ingest.store.RecordRepository;
import dev.watchfloor.ingest.store.RecordRepository.Quarantined;
import dev.watchfloor.ingest.store.RecordRepository.Stored;
import dev.watchfloor.ingest.store.StoredRecords;

/**
 * Accepts a body of alerts or events: splits it into records ({@link RecordReader}), maps each to OCSF
 * ({@link Normalizer}), then commits every record in one transaction: the accepted ones (alerts with their outbox row)
 * and the quarantined ones with their raw text and reason. A 202 therefore means every record of the body is durable,
 * read or not, and the results account for each of them.
 */
@ApplicationScoped
public class IntakeService {

    public enum Kind {

        ALERT, EVENT;

        public String wire() {
            return this == ALERT ? "alert" : "event";
        }
    }

    private final Pool pool;
    private final Normalizer normalizer;
    private final RecordRepository records;
    private final IngestConfig config;
    private final OutboxRelay relay;
    private final RecordReader reader;
    private final StoredRecords replayed;
    private final IdempotencyKeys idempotency;

    public IntakeService(Pool pool, Normalizer normalizer, RecordRepository records, IngestConfig config,
            OutboxRelay relay, StoredRecords replayed, IdempotencyKeys idempotency) {
        this.replayed = replayed;
        this.idempotency = idempotency;
        this.pool = pool;
        this.normalizer = normalizer;
        this.records = records;
        this.config = config;
        this.relay = relay;
        this.reader = new RecordReader(config.maxFieldChars(), config.maxRecords());
    }

    /** What a body would become, without storing anything: pieces paired with their normalized records. */
    public Batch read(Kind kind, byte[] body, String source, RecordReader.Hint hint) {
        if (source != null) {
            normalizer.mappers().named(source); // an unknown source is the client's error, before any record
        }
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-body", "the body is empty: send records as JSON, NDJSON or "
                    + "text lines");
        }
        List<Piece> pieces = reader.read(body, hint);
        if (pieces.size() > config.maxRecords()) {
            throw new ProblemException(413, "too-many-records", "Too many records",
                    "more than " + config.maxRecords() + " records in one request; send smaller batches");
        }
        return normalize(kind, pieces.stream().map(p -> new Incoming(p, source, null)).toList());
    }

    /** A record to normalize: the piece read, the source named for it (or null), and transport defaults. */
    public record Incoming(Piece piece, String source, Normalizer.Defaults defaults) {
    }

    /**
     * Normalizes pieces already read ({@link Normalizer#normalizeAll}); a record whose mapper fails is quarantined with
     * the failure. Results keep the body's order.
     */
    public Batch normalize(Kind kind, List<Incoming> incoming) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Normalizer.Request> requests = new ArrayList<>(incoming.size());
        for (Incoming in : incoming) {
            if (!in.piece().isQuarantined()) {
                requests.add(new Normalizer.Request(in.piece().parsed(), in.source(), in.defaults()));
            }
        }
        List<Normalizer.Outcome> outcomes = normalizer.normalizeAll(requests, kind == Kind.ALERT, receivedAt);
        List<Stored> stored = new ArrayList<>(outcomes.size());
        List<Quarantined> quarantined = new ArrayList<>();
        List<IntakeResult> results = new ArrayList<>(incoming.size());
        int next = 0;
        for (int i = 0; i < incoming.size(); i++) {
            Piece piece = incoming.get(i).piece();
            UUID id = UUID.randomUUID();
            String reason = piece.reason();
            if (!piece.isQuarantined()) {
                Normalizer.Outcome outcome = outcomes.get(next++);
                if (outcome.failure() == null) {
                    NormalizedRecord record = outcome.record();
                    stored.add(new Stored(id, record));
                    results.add(IntakeResult.stored(i, IntakeResult.ACCEPTED, id.toString(), null, null,
                            record.source(), record.warnings()));
                    continue;
                }
                RuntimeException e = outcome.failure();
                // the exception's message may quote the record: it goes to the client, not to the log
                Log.warnf("Mapping a %s record failed (%s at %s); it is quarantined", piece.parsed().format(),
                        e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
                reason = "mapping failed: " + e;
            }
            quarantined.add(new Quarantined(id, piece.offset(), reason, piece.raw()));
            results.add(IntakeResult.quarantined(i, id.toString(), reason, piece.offset()));
        }
        return new Batch(receivedAt, stored, quarantined, results);
    }

    /** Stores records already read and normalized (syslog, HEC): one transaction, results per record. */
    public Uni<List<IntakeResult>> store(Submission submission, Kind kind, String source, Batch batch) {
        if (batch.stored().isEmpty() && batch.quarantined().isEmpty()) {
            return Uni.createFrom().item(batch.results());
        }
        return commit(kind, batch, conn -> store(conn, submission, kind, source, batch));
    }

    public RecordReader reader() {
        return reader;
    }

    /**
     * Reads and stores a body. With an idempotency key, a request seen before answers its first answer (the answer is
     * saved in the same transaction as the records); the same key with a different request is refused (422).
     */
    public Uni<List<IntakeResult>> accept(Submission submission, Kind kind, byte[] body, String source,
            RecordReader.Hint hint, String idempotencyKey) {
        if (idempotencyKey == null) {
            return accept(submission, kind, body, source, hint, null, null);
        }
        if (idempotencyKey.length() > 200 || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest("bad-idempotency-key",
                    "Idempotency-Key must be 1-200 printable ASCII characters without spaces");
        }
        String hash = requestHash(kind, source, hint, body);
        return idempotency.find(submission.tenant(), idempotencyKey).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(answer(found, hash, idempotencyKey));
            }
            return accept(submission, kind, body, source, hint, idempotencyKey, hash)
                    .onFailure(KeyTaken.class).recoverWithUni(() -> idempotency.find(submission.tenant(),
                            idempotencyKey).map(raced -> answer(raced, hash, idempotencyKey)));
        });
    }

    private static List<IntakeResult> answer(IdempotencyKeys.Answer found, String hash, String key) {
        if (!found.requestHash().equals(hash)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key '" + key + "' was used for a different request");
        }
        return found.results();
    }

    private static String requestHash(Kind kind, String source, RecordReader.Hint hint, byte[] body) {
        byte[] request = (kind + "\n" + source + "\n" + hint + "\n").getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Hashing.sha256(request, body));
    }

    /** Another request with the same idempotency key committed first. */
    private static final class KeyTaken extends RuntimeException {

        KeyTaken() {
            super("idempotency key taken", null, false, false);
        }
    }

    private Uni<List<IntakeResult>> accept(Submission submission, Kind kind, byte[] body, String source,
            RecordReader.Hint hint, String key, String hash) {
        Batch batch = read(kind, body, source, hint);
        if (batch.stored().isEmpty() && batch.quarantined().isEmpty() && key == null) {
            return Uni.createFrom().item(batch.results());
        }
        return commit(kind, batch, conn -> store(conn, submission, kind, source, batch)
                .call(results -> key == null
                        ? Uni.createFrom().voidItem()
                        : idempotency.save(conn, submission.tenant(), key, hash, results).invoke(saved -> {
                            if (!saved) {
                                throw new KeyTaken();
                            }
                        })));
    }

    /**
     * One transaction over the batch's writes, after its months' partitions are made (outside it); once committed, new
     * alerts are handed to reasoning now, not at the relay's next poll.
     */
    private <T> Uni<T> commit(Kind kind, Batch batch, Function<SqlConnection, Uni<T>> work) {
        return records.prepare(batch.receivedAt(), batch.stored()).chain(() -> pool.withTransaction(work))
                .invoke(() -> {
                    if (kind == Kind.ALERT && !batch.stored().isEmpty()) {
                        relay.nudge();
                    }
                });
    }

    /** Stores the batch in the caller's transaction and answers the final result of each record. */
    private Uni<List<IntakeResult>> store(SqlConnection conn, Submission submission, Kind kind, String source,
            Batch batch) {
        return records.insert(conn, submission, kind, batch.receivedAt(), batch.stored(), config.groupWindow())
                .call(() -> records.quarantine(conn, submission, kind, source, batch.receivedAt(),
                        batch.quarantined()))
                .map(outcomes -> {
                    Map<String, RecordRepository.Outcome> byId = new HashMap<>();
                    outcomes.forEach(o -> byId.put(o.id().toString(), o));
                    List<IntakeResult> results = new ArrayList<>(batch.results().size());
                    for (IntakeResult r : batch.results()) {
                        RecordRepository.Outcome o = byId.get(r.id());
                        if (o == null) {
                            results.add(r);
                        } else if (o.status().equals(IntakeResult.DUPLICATE)) {
                            results.add(IntakeResult.stored(r.index(), o.status(), text(o.of()), null, null,
                                    r.source(), r.warnings()));
                        } else {
                            results.add(IntakeResult.stored(r.index(), o.status(), r.id(), text(o.of()),
                                    text(o.leader()), r.source(), r.warnings()));
                        }
                    }
                    return results;
                });
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /**
     * Reads a quarantined record again (after a parser fix, or naming a source): when every record in it now reads,
     * they are stored as if just received and the entry is marked replayed, once; otherwise 422 and nothing changes.
     */
    public Uni<List<IntakeResult>> replay(Submission submission, StoredRecords.Entry entry, String source) {
        if (entry.replayed_as() != null) {
            throw new ProblemException(409, "already-replayed", "Already replayed",
                    "quarantined record " + entry.id() + " was replayed as " + entry.replayed_as());
        }
        Kind kind = entry.kind().equals("alert") ? Kind.ALERT : Kind.EVENT;
        String named = source != null ? source : entry.source();
        Batch batch = read(kind, entry.raw().getBytes(StandardCharsets.UTF_8), named, RecordReader.Hint.DETECT);
        if (!batch.quarantined().isEmpty() || batch.stored().isEmpty()) {
            String why = batch.quarantined().isEmpty() ? "no record in it" : batch.quarantined().get(0).reason();
            throw new ProblemException(422, "still-unreadable", "Still unreadable",
                    "quarantined record " + entry.id() + " still cannot be read: " + why);
        }
        UUID first = batch.stored().get(0).id();
        return commit(kind, batch, conn -> replayed.markReplayed(conn, submission.tenant(),
                UUID.fromString(entry.id()), first).chain(marked -> {
                    if (!marked) {
                        throw new ProblemException(409, "already-replayed", "Already replayed",
                                "quarantined record " + entry.id() + " was replayed meanwhile");
                    }
                    return store(conn, submission, kind, named, batch);
                }));
    }

    /** A body read: when it was received, what is stored, what is quarantined, and the answer per record. */
    public record Batch(Instant receivedAt, List<Stored> stored, List<Quarantined> quarantined,
            List<IntakeResult> results) {
    }
}
