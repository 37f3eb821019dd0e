package dev.watchfloor.context.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.context.testing.IngestSchema;

/**
 * Related records are read through ingest's entity index, as context-service's own database role: without ownership of
 * ingest's tables, so row-level security applies. The ingest schema is made by ingest-service's own migrations (read
 * from that module's sources: the schema is ingest's and is not copied here); rows are written as ingest writes them.
 */
@QuarkusTest
class EvidenceStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    private static Pool readerPool;

    @Inject
    Pool pool;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Vertx vertx;

    private EvidenceStore store;

    @BeforeEach
    void ingestSchemaAndAReaderRole() {
        if (readerPool == null) {
            IngestSchema.migrate(dataSource);
            readerPool = IngestSchema.readerPool(vertx);
        }
        store = new EvidenceStore(readerPool);
    }

    @AfterAll
    static void closeReaderPool() {
        if (readerPool != null) {
            readerPool.closeAndAwait();
            readerPool = null;
        }
    }

    @Test
    void relatedRecordsAreFoundThroughTheEntityIndexNewestFirst() {
        String host = "host:ws-" + UUID.randomUUID().toString().substring(0, 8);
        String ip = "ip:fe80::" + Integer.toHexString((int) (Math.random() * 0xffff));
        UUID alert = alert("acme", NOW, host, ip);
        UUID otherAlert = alert("acme", NOW.minusMinutes(5), host);
        UUID byHost = event("acme", NOW.minusHours(1), true, host, "user:bob");
        UUID byIp = event("acme", NOW.minusDays(40), true, ip);
        UUID unrelated = event("acme", NOW.minusMinutes(1), true, "host:elsewhere");
        UUID notIndexed = event("acme", NOW.minusMinutes(2), false, host);

        List<StoredRecord> related = store.related("acme", alert, List.of(host, ip), 10).await().atMost(WAIT);

        assertThat(related).extracting(StoredRecord::id).containsExactly(byHost.toString(), byIp.toString(),
                otherAlert.toString()).doesNotContain(alert.toString(), unrelated.toString(), notIndexed.toString());
        assertThat(related.get(0).entities()).containsExactly(host, "user:bob");
        assertThat(related.get(0).alert()).isFalse();
        assertThat(related.get(2).alert()).isTrue();
        assertThat(store.related("acme", alert, List.of(host, ip), 1).await().atMost(WAIT))
                .extracting(StoredRecord::id).as("at most one of each kind, the newest")
                .containsExactly(byHost.toString(), otherAlert.toString());
    }

    @Test
    void anotherTenantsRecordsStayInvisible() {
        String host = "host:shared-" + UUID.randomUUID().toString().substring(0, 8);
        UUID alert = alert("acme", NOW, host);
        UUID ours = event("acme", NOW.minusHours(2), true, host);
        UUID theirs = event("globex", NOW.minusHours(1), true, host);
        UUID theirAlert = alert("globex", NOW.minusHours(1), host);

        assertThat(store.related("acme", alert, List.of(host), 10).await().atMost(WAIT))
                .extracting(StoredRecord::id).containsExactly(ours.toString())
                .doesNotContain(theirs.toString(), theirAlert.toString());
        // row-level security, beside the query's own tenant filter
        assertThat(readerCount(null, host)).as("no tenant named, no rows").isZero();
        assertThat(readerCount("globex", host)).isEqualTo(2);
        assertThat(readerCount("acme", host)).isEqualTo(2);
        assertThatThrownBy(() -> readerPool.query("SELECT count(*) FROM ingest.entity_index_default").execute()
                .await().atMost(WAIT)).hasMessageContaining("permission denied");
    }

    /** Entity index rows of one entity the reader sees, with the tenant its transaction names (or none). */
    private long readerCount(String tenant, String entity) {
        String value = entity.substring(entity.indexOf(':') + 1);
        return readerPool.withTransaction((SqlConnection conn) -> conn
                .preparedQuery("SELECT set_config('watchfloor.tenant', $1, true)").execute(Tuple.of(tenant))
                .chain(() -> conn.preparedQuery("SELECT count(*) AS n FROM ingest.entity_index WHERE entity_value = $1")
                        .execute(Tuple.of(value))))
                .await().atMost(WAIT).iterator().next().getLong("n");
    }

    private UUID alert(String tenant, OffsetDateTime at, String... entities) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO ingest.alerts (id, tenant, received_at, observed_at, source, title, "
                + "severity_id, fingerprint, entities, body) VALUES ($1, $2, $3, $3, 'test', 'an alert', 3, 'fp', $4, "
                + "'{}')").execute(Tuple.of(id, tenant, at, entities)).await().atMost(WAIT);
        index(tenant, "alert", id, at, entities);
        return id;
    }

    private UUID event(String tenant, OffsetDateTime at, boolean indexed, String... entities) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO ingest.events (id, tenant, received_at, observed_at, source, summary, "
                + "entities, body) VALUES ($1, $2, $3, $3, 'test', 'an event', $4, '{}')")
                .execute(Tuple.of(id, tenant, at, entities)).await().atMost(WAIT);
        if (indexed) {
            index(tenant, "event", id, at, entities);
        }
        return id;
    }

    private void index(String tenant, String kind, UUID id, OffsetDateTime at, String... entities) {
        IngestSchema.index(pool, tenant, kind, id, at, entities);
    }
}
