package dev.watchfloor.ingest.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.intake.IntakeResult;

/** The first answer to each Idempotency-Key of a tenant, kept for the configured time. */
@ApplicationScoped
public class IdempotencyKeys {

    /** A stored answer and the hash of the request it answered. */
    public record Answer(String requestHash, List<IntakeResult> results) {
    }

    private static final TypeReference<List<IntakeResult>> RESULTS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;
    private final IngestConfig config;

    public IdempotencyKeys(Pool pool, ObjectMapper json, IngestConfig config) {
        this.pool = pool;
        this.json = json;
        this.config = config;
    }

    public Uni<Answer> find(String tenant, String key) {
        return pool.preparedQuery("SELECT request_hash, response::text AS response FROM ingest.idempotency "
                + "WHERE tenant = $1 AND key = $2").execute(Tuple.of(tenant, key))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    try {
                        return new Answer(row.getString("request_hash"), json.readValue(row.getString("response"),
                                RESULTS));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored idempotent answer cannot be read", e);
                    }
                });
    }

    /** Saves the answer in the caller's transaction; false when another request took the key first. */
    public Uni<Boolean> save(SqlConnection conn, String tenant, String key, String requestHash,
            List<IntakeResult> results) {
        JsonArray response;
        try {
            response = new JsonArray(json.writeValueAsString(results));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return conn.preparedQuery("INSERT INTO ingest.idempotency (tenant, key, request_hash, response) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, key) DO NOTHING")
                .execute(Tuple.of(tenant, key, requestHash, response)).map(rows -> rows.rowCount() == 1);
    }

    /** Forgets answers older than the retention. */
    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> expire() {
        return pool.preparedQuery("DELETE FROM ingest.idempotency WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(config.idempotencyRetention().toSeconds() * 1.0)).replaceWithVoid();
    }
}
