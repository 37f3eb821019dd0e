package dev.watchfloor.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.testing.TestTokens;

@QuarkusTest
class IntakeResourceTest {

    @Inject
    Pool pool;

    @Test
    void storesEachAcceptedAlertWithItsOutboxRowAndReportsRejectsPerRecord() {
        var ids = given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json")
                .body("[{\"title\":\"A\",\"host\":\"h-1\",\"time\":\"Nov 28 03:04:05\"},\"not an object\","
                        + "{\"title\":\"B\",\"user\":\"u\",\"time\":\"soon\"}]")
                .when().post("/v1/alerts").then().statusCode(202)
                .body("results", hasSize(3))
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].index", equalTo(1))
                .body("results[2].status", equalTo("accepted"))
                .extract().jsonPath().getList("results.id", String.class);

        Row alert = pool.preparedQuery("SELECT a.title, a.entities, o.delivered_at FROM ingest.alerts a "
                + "JOIN ingest.outbox o ON o.alert_id = a.id WHERE a.id = $1")
                .execute(Tuple.of(UUID.fromString(ids.get(0)))).await().atMost(Duration.ofSeconds(5)).iterator()
                .next();
        assertThat(alert.getString("title")).isEqualTo("A");
        assertThat(alert.getArrayOfStrings("entities")).containsExactly("host:h-1");
        // times as read: syslog without a year, and one that cannot be read, which refuses nothing
        Row first = times(ids.get(0));
        Row unreadable = times(ids.get(2));
        assertThat(first.getString("time_text")).isEqualTo("Nov 28 03:04:05");
        assertThat(first.getArrayOfStrings("time_flags")).contains("year-inferred", "zone-assumed");
        assertThat(unreadable.getString("time_text")).isEqualTo("soon");
        assertThat(unreadable.getArrayOfStrings("time_flags")).containsExactly("unreadable");
        assertThat(unreadable.getBoolean("at_receipt")).isTrue();
    }

    private Row times(String id) {
        return pool.preparedQuery("SELECT time_text, time_flags, observed_at = received_at AS at_receipt "
                + "FROM ingest.alerts WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    @Test
    void eventsAreStoredWithoutAnOutboxRow() {
        String id = given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json")
                .body("{\"summary\":\"dns query\",\"host\":\"h-2\"}")
                .when().post("/v1/events").then().statusCode(202).extract().jsonPath().getString("results[0].id");

        long outbox = pool.preparedQuery("SELECT count(*) AS n FROM ingest.outbox WHERE alert_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getLong("n");
        long events = pool.preparedQuery("SELECT count(*) AS n FROM ingest.events WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getLong("n");
        assertThat(outbox).isZero();
        assertThat(events).isEqualTo(1);
    }

    @Test
    void badBodiesGetProblemDetails() {
        given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json")
                .body("{\"title\":").when().post("/v1/alerts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://watchfloor.dev/problems/malformed-json"));
        given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("text/csv").body("a,b").when()
                .post("/v1/alerts").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json").body("[]")
                .when().post("/v1/alerts").then().statusCode(400)
                .body("type", equalTo("https://watchfloor.dev/problems/empty-batch"));
        given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json").body("7")
                .when().post("/v1/events").then().statusCode(202)
                .body("results[0].status", equalTo("rejected"));
    }
}
