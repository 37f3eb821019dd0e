package dev.watchfloor.ingest.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.JsonNormalizer;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.outbox.OutboxRelay;
import dev.watchfloor.ingest.store.RecordRepository;

/**
 * Accepts a batch of alerts or events: normalizes each record, then commits every accepted one (alerts with their
 * outbox row) in one transaction, so a 202 means all accepted records are durable.
 */
@ApplicationScoped
public class IntakeService {

    public enum Kind {
        ALERT, EVENT
    }

    private final Pool pool;
    private final JsonNormalizer normalizer;
    private final RecordRepository records;
    private final IngestConfig config;
    private final OutboxRelay relay;

    public IntakeService(Pool pool, JsonNormalizer normalizer, RecordRepository records, IngestConfig config,
            OutboxRelay relay) {
        this.pool = pool;
        this.normalizer = normalizer;
        this.records = records;
        this.config = config;
        this.relay = relay;
    }

    public Uni<List<IntakeResult>> accept(Submission submission, Kind kind, JsonNode body) {
        List<JsonNode> items = items(body);
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<IntakeResult> results = new ArrayList<>(items.size());
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                NormalizedRecord record = normalizer.normalize(items.get(i), receivedAt);
                UUID id = UUID.randomUUID();
                accepted.add(new Accepted(id, record));
                results.add(IntakeResult.accepted(i, id.toString()));
            } catch (ProblemException e) {
                results.add(IntakeResult.rejected(i, e.getMessage()));
            }
        }
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(results);
        }
        return pool.withTransaction(conn -> store(conn, submission, kind, accepted, receivedAt))
                .invoke(() -> {
                    if (kind == Kind.ALERT) {
                        relay.nudge(); // hand the new alerts to reasoning now, not at the next poll
                    }
                })
                .replaceWith(results);
    }

    private Uni<Void> store(SqlConnection conn, Submission submission, Kind kind, List<Accepted> accepted,
            Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Accepted a : accepted) {
            chain = chain.chain(() -> kind == Kind.ALERT
                    ? records.insertAlert(conn, submission, a.id(), at, a.record())
                    : records.insertEvent(conn, submission.tenant(), a.id(), at, a.record()));
        }
        return chain;
    }

    private List<JsonNode> items(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.badRequest("empty-body", "send one JSON object or an array of objects");
        }
        if (!body.isArray()) {
            return List.of(body);
        }
        if (body.isEmpty()) {
            throw ProblemException.badRequest("empty-batch", "the array holds no records");
        }
        if (body.size() > config.maxRecords()) {
            throw new ProblemException(413, "too-many-records", "Too many records",
                    body.size() + " records in one request; the limit is " + config.maxRecords());
        }
        List<JsonNode> list = new ArrayList<>(body.size());
        body.forEach(list::add);
        return list;
    }

    private record Accepted(UUID id, NormalizedRecord record) {
    }
}
