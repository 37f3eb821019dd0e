package dev.watchfloor.ingest.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.outbox.OutboxRelay;
import dev.watchfloor.ingest.store.RecordRepository;
import dev.watchfloor.ingest.store.RecordRepository.Quarantined;
import dev.watchfloor.ingest.store.RecordRepository.Stored;

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

    public IntakeService(Pool pool, Normalizer normalizer, RecordRepository records, IngestConfig config,
            OutboxRelay relay) {
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
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Stored> stored = new ArrayList<>();
        List<Quarantined> quarantined = new ArrayList<>();
        List<IntakeResult> results = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            UUID id = UUID.randomUUID();
            String reason = piece.reason();
            if (!piece.isQuarantined()) {
                try {
                    NormalizedRecord record = normalizer.normalize(piece.parsed(), source, kind == Kind.ALERT,
                            receivedAt);
                    stored.add(new Stored(id, record));
                    results.add(IntakeResult.accepted(i, id.toString(), record.source(), record.warnings()));
                    continue;
                } catch (ProblemException e) {
                    throw e;
                } catch (RuntimeException e) {
                    Log.warnf(e, "Mapping a %s record failed; it is quarantined", piece.parsed().format());
                    reason = "mapping failed: " + e;
                }
            }
            quarantined.add(new Quarantined(id, piece.offset(), reason, piece.raw()));
            results.add(IntakeResult.quarantined(i, id.toString(), reason, piece.offset()));
        }
        return new Batch(receivedAt, stored, quarantined, results);
    }

    public Uni<List<IntakeResult>> accept(Submission submission, Kind kind, byte[] body, String source,
            RecordReader.Hint hint) {
        Batch batch = read(kind, body, source, hint);
        if (batch.stored().isEmpty() && batch.quarantined().isEmpty()) {
            return Uni.createFrom().item(batch.results());
        }
        return pool.withTransaction(conn -> records.insert(conn, submission, kind, batch.receivedAt(),
                batch.stored()).chain(
                        () -> records.quarantine(conn, submission, kind, source, batch.receivedAt(),
                                batch.quarantined())))
                .invoke(() -> {
                    if (kind == Kind.ALERT && !batch.stored().isEmpty()) {
                        relay.nudge(); // hand the new alerts to reasoning now, not at the next poll
                    }
                })
                .replaceWith(batch.results());
    }

    /** A body read: when it was received, what is stored, what is quarantined, and the answer per record. */
    public record Batch(Instant receivedAt, List<Stored> stored, List<Quarantined> quarantined,
            List<IntakeResult> results) {
    }
}
