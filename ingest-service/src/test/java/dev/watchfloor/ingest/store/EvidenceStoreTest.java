package dev.watchfloor.ingest.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.testing.TestTokens;
import dev.watchfloor.ingest.intake.IntakeService.Kind;
import dev.watchfloor.ingest.intake.Submission;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Timestamps;
import dev.watchfloor.ingest.store.RecordRepository.Outcome;
import dev.watchfloor.ingest.store.RecordRepository.Stored;

/**
 * The evidence store's write path: events land in the monthly partition of their own time (or the DEFAULT one outside
 * the months kept), exact duplicates are found whichever month the first copy landed in, and every stored record's
 * entities are written to the entity index in the same statement.
 */
@QuarkusTest
class EvidenceStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    RecordRepository records;

    @Test
    void eventsLandInTheirMonthsPartitionAndTimesOutsideTheKeptMonthsInTheDefault() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant fiveMonthsAgo = now.atOffset(ZoneOffset.UTC).minusMonths(5).toInstant();
        List<String> lines = new ArrayList<>();
        for (String time : List.of(now.toString(), fiveMonthsAgo.toString(), "1995-03-04T05:06:07Z",
                "2099-06-01T00:00:00Z")) {
            lines.add("{\"summary\":\"p " + tag + "\",\"host\":\"h-" + tag + "\",\"time\":\"" + time + "\"}");
        }
        lines.add("{\"summary\":\"p " + tag + " without time\",\"host\":\"h-" + tag + "\"}");
        JsonPath answer = given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT))
                .contentType("application/x-ndjson").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/events")
                .then().statusCode(202).extract().jsonPath();
        List<String> ids = answer.getList("results.id");

        assertThat(answer.getList("results.status")).containsOnly("accepted");
        assertThat(partitionOf("events", ids.get(0))).isEqualTo(month("events", now));
        assertThat(partitionOf("events", ids.get(1))).isEqualTo(month("events", fiveMonthsAgo));
        assertThat(partitionOf("events", ids.get(2))).as("before the months kept").isEqualTo("events_default");
        assertThat(partitionOf("events", ids.get(3))).as("after the months kept").isEqualTo("events_default");
        Row timeless = row("SELECT received_at, observed_at = received_at AS at_receipt FROM ingest.events "
                + "WHERE id = $1", ids.get(4));
        assertThat(timeless.getBoolean("at_receipt")).isTrue();
        assertThat(partitionOf("events", ids.get(4)))
                .isEqualTo(month("events", timeless.getOffsetDateTime("received_at").toInstant()));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(partitionOf("entity_index", ids.get(i))).as("index row of record %d", i)
                    .isEqualTo(partitionOf("events", ids.get(i)).replace("events", "entity_index"));
        }
    }

    @Test
    void aMonthsPartitionMadeLaterTakesItsRecordsOutOfTheDefault() {
        String id = given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json")
                .body("{\"summary\":\"far ahead\",\"host\":\"h-ahead\",\"time\":\"2098-02-10T08:00:00Z\"}").when()
                .post("/v1/events").then().statusCode(202).extract().jsonPath().getString("results[0].id");
        assertThat(partitionOf("events", id)).isEqualTo("events_default");

        pool.query("SELECT ingest.ensure_month_partitions('events', ARRAY['2098-02-01'::date]), "
                + "ingest.ensure_month_partitions('entity_index', ARRAY['2098-02-01'::date])").execute().await()
                .atMost(WAIT);

        assertThat(partitionOf("events", id)).isEqualTo("events_y2098m02");
        assertThat(partitionOf("entity_index", id)).isEqualTo("entity_index_y2098m02");
    }

    @Test
    void aCopyOfARecordWithoutATimeIsADuplicateWhicheverMonthItLandsIn() {
        String hash = "test-" + UUID.randomUUID();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant monthsLater = received.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant();
        UUID first = UUID.randomUUID();
        UUID copy = UUID.randomUUID();

        List<Outcome> stored = store(received, new Stored(first, timeless(received, hash)));
        List<Outcome> again = store(monthsLater, new Stored(copy, timeless(monthsLater, hash)));

        assertThat(stored).extracting(Outcome::status).containsExactly("accepted");
        assertThat(again).extracting(Outcome::status).containsExactly("duplicate");
        assertThat(again.get(0).of()).isEqualTo(first);
        assertThat(month("events", received)).isNotEqualTo(month("events", monthsLater));
        assertThat(row("SELECT duplicates FROM ingest.events WHERE id = $1", first.toString())
                .getInteger("duplicates")).isEqualTo(1);
        assertThat(row("SELECT count(*) AS n FROM ingest.events WHERE id = $1", copy.toString()).getLong("n"))
                .isZero();
    }

    @Test
    void everyEntityOfAStoredRecordIsIndexedByTypeValueAndTime() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NormalizedRecord r = timeless(at, "test-" + id);
        store(at, new Stored(id, new NormalizedRecord(r.title(), 0, r.source(), r.time(),
                List.of("host:dc-01", "ip:fe80::1", "user:alice"), r.fingerprint(), r.contentHash(), List.of(),
                r.body(), r.format(), r.raw(), List.of())));

        List<String> rows = new ArrayList<>();
        pool.preparedQuery("SELECT entity_type || '=' || entity_value AS e, kind, observed_at FROM ingest.entity_index "
                + "WHERE record_id = $1 ORDER BY 1").execute(Tuple.of(id)).await().atMost(WAIT).forEach(row -> {
                    assertThat(row.getString("kind")).isEqualTo("event");
                    assertThat(row.getOffsetDateTime("observed_at").toInstant()).isEqualTo(at);
                    rows.add(row.getString("e"));
                });
        assertThat(rows).containsExactly("host=dc-01", "ip=fe80::1", "user=alice");
        assertThat(row("SELECT entities FROM ingest.events WHERE id = $1", id.toString())
                .getArrayOfStrings("entities")).containsExactly("host:dc-01", "ip:fe80::1", "user:alice");
    }

    /** Stores records as intake does: partitions first, then one transaction. */
    private List<Outcome> store(Instant receivedAt, Stored record) {
        return records.prepare(receivedAt, List.of(record))
                .chain(() -> pool.withTransaction(conn -> records.insert(conn, new Submission("acme", "test", null),
                        Kind.EVENT, receivedAt, List.of(record), Duration.ofMinutes(15))))
                .await().atMost(WAIT);
    }

    /** An event that had no time of its own: it takes the received time. */
    private static NormalizedRecord timeless(Instant receivedAt, String contentHash) {
        return new NormalizedRecord("no time", 0, "json",
                new Timestamps.Read(receivedAt, null, Set.of(Timestamps.Flag.MISSING)), List.of("host:h-timeless"),
                "fp", contentHash, List.of(), JsonNodeFactory.instance.objectNode().put("message", "no time"), "json",
                "{\"message\":\"no time\"}", List.of());
    }

    private String partitionOf(String table, String id) {
        String column = table.equals("events") ? "id" : "record_id";
        List<String> found = new ArrayList<>();
        pool.preparedQuery("SELECT DISTINCT tableoid::regclass::text AS p FROM ingest." + table + " WHERE " + column
                + " = $1").execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT)
                .forEach(r -> found.add(r.getString("p").replace("ingest.", "")));
        assertThat(found).as("%s rows of %s", table, id).hasSize(1);
        return found.get(0);
    }

    private static String month(String table, Instant at) {
        var utc = at.atOffset(ZoneOffset.UTC);
        return "%s_y%04dm%02d".formatted(table, utc.getYear(), utc.getMonthValue());
    }

    private Row row(String sql, String id) {
        return pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
    }
}
