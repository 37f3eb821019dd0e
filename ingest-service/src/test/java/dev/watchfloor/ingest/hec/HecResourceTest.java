package dev.watchfloor.ingest.hec;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
class HecResourceTest {

    @Inject
    Pool pool;

    private static String newToken(String kind) {
        return given().auth().oauth2(TestTokens.user("root", Roles.ADMIN)).contentType("application/json")
                .body(Map.of("client", "splunk-uf", "kind", kind)).when().post("/v1/hec-tokens").then()
                .statusCode(201).extract().jsonPath().getString("token");
    }

    @Test
    void eventsSentAsHecSendsThemAreStoredWithTheirMetadataAndAnswerSuccess() {
        String token = newToken("event");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"time\":1795835045.25,\"host\":\"web-" + tag + "\",\"sourcetype\":\"_json\","
                + "\"event\":{\"message\":\"hello " + tag + "\"},\"fields\":{\"dc\":\"ams\"}}"
                + "{\"event\":\"<13>Nov 28 03:04:05 fw-" + tag + " app: line " + tag + "\"}";

        given().header("Authorization", "Splunk " + token).body(body).when().post("/services/collector/event")
                .then().statusCode(200).body("text", equalTo("Success")).body("code", equalTo(0));

        Row json = row("SELECT observed_at, body->'device'->>'hostname' AS host, body->'unmapped'->'hec'->'fields'"
                + "->>'dc' AS dc FROM ingest.events WHERE tenant = 'acme' AND raw LIKE $1", "%hello " + tag + "%");
        assertThat(json.getString("host")).isEqualTo("web-" + tag);
        assertThat(json.getString("dc")).isEqualTo("ams");
        assertThat(json.getOffsetDateTime("observed_at").toInstant().toEpochMilli()).isEqualTo(1_795_835_045_250L);
        Row line = row("SELECT body->'device'->>'hostname' AS host FROM ingest.events WHERE tenant = 'acme' "
                + "AND raw LIKE $1", "%line " + tag);
        assertThat(line.getString("host")).isEqualTo("fw-" + tag);
    }

    @Test
    void aChannelGetsAckIdsThatAreAcknowledgedOnceCommittedAndOnlyOnItsOwnTenantAndChannel() {
        String token = newToken("event");
        String channel = UUID.randomUUID().toString().toUpperCase();
        String tag = UUID.randomUUID().toString().substring(0, 8);

        int first = given().header("Authorization", "Splunk " + token).header("X-Splunk-Request-Channel", channel)
                .body("{\"event\":\"ack one " + tag + "\"}").when().post("/services/collector/event").then()
                .statusCode(200).body("code", equalTo(0)).extract().path("ackId");
        int second = given().header("Authorization", "Splunk " + token).queryParam("channel", channel.toLowerCase())
                .body("ack two " + tag).when().post("/services/collector/raw").then().statusCode(200)
                .extract().path("ackId");
        given().header("Authorization", "Splunk " + token).body("{\"event\":\"no channel\"}").when()
                .post("/services/collector/event").then().statusCode(200).body("ackId", equalTo(null));

        assertThat(List.of(first, second)).containsExactly(0, 1);
        assertThat(row("SELECT count(*) AS n FROM ingest.events WHERE raw LIKE $1", "%ack % " + tag + "%")
                .getLong("n")).isEqualTo(2);
        given().header("Authorization", "Splunk " + token).header("X-Splunk-Request-Channel", channel)
                .body("{\"acks\":[0,1,2]}").when().post("/services/collector/ack").then().statusCode(200)
                .body("acks.0", equalTo(true)).body("acks.1", equalTo(true)).body("acks.2", equalTo(false));
        given().header("Authorization", "Splunk " + token)
                .header("X-Splunk-Request-Channel", UUID.randomUUID().toString()).body("{\"acks\":[0]}").when()
                .post("/services/collector/ack").then().statusCode(200).body("acks.0", equalTo(false));

        given().header("Authorization", "Splunk " + token).body("{\"acks\":[0]}").when()
                .post("/services/collector/ack").then().statusCode(400).body("code", equalTo(10));
        given().header("Authorization", "Splunk " + token).header("X-Splunk-Request-Channel", "not-a-guid")
                .body("{\"event\":\"x\"}").when().post("/services/collector/event").then().statusCode(400)
                .body("code", equalTo(11));
        given().header("Authorization", "Splunk " + token).header("X-Splunk-Request-Channel", channel)
                .body("{\"acks\":\"0\"}").when().post("/services/collector/ack").then().statusCode(400)
                .body("code", equalTo(6));
        given().header("X-Splunk-Request-Channel", channel).body("{\"acks\":[0]}").when()
                .post("/services/collector/ack").then().statusCode(401).body("code", equalTo(2));
    }

    @Test
    void rawBodiesAreReadLikeEventsAndBasicAuthCarriesTheToken() {
        String token = newToken("event");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("x:" + token).getBytes());

        given().header("Authorization", basic).queryParam("host", "raw-" + tag).body("one " + tag + "\ntwo " + tag
                + "\n").when().post("/services/collector/raw").then().statusCode(200).body("code", equalTo(0));

        assertThat(row("SELECT count(*) AS n FROM ingest.events WHERE tenant = 'acme' AND raw LIKE $1",
                "% " + tag).getLong("n")).isEqualTo(2);
    }

    @Test
    void answersWithHecsOwnCodes() {
        String token = newToken("event");
        given().body("{\"event\":\"x\"}").when().post("/services/collector/event").then().statusCode(401)
                .body("code", equalTo(2));
        given().header("Authorization", "Splunk").body("{\"event\":\"x\"}").when()
                .post("/services/collector/event").then().statusCode(401).body("code", equalTo(3));
        given().header("Authorization", "Splunk " + UUID.randomUUID()).body("{\"event\":\"x\"}").when()
                .post("/services/collector/event").then().statusCode(403).body("code", equalTo(4));
        given().header("Authorization", "Splunk " + token).body("").when().post("/services/collector/event").then()
                .statusCode(400).body("code", equalTo(5));
        given().header("Authorization", "Splunk " + token).body("{\"event\":\"ok\"}{\"time\":1}").when()
                .post("/services/collector/event").then().statusCode(400).body("code", equalTo(12))
                .body("invalid-event-number", equalTo(1));
        given().header("Authorization", "Splunk " + token).body("{\"event\":\"\"}").when()
                .post("/services/collector/event").then().statusCode(400).body("code", equalTo(13));
        given().header("Authorization", "Splunk " + token).body("{\"event\":\"ok\"}{\"event\":").when()
                .post("/services/collector/event").then().statusCode(400).body("code", equalTo(6))
                .body("invalid-event-number", equalTo(1));
        given().when().get("/services/collector/health").then().statusCode(200).body("code", equalTo(17));
    }

    @Test
    void aDisabledTokenIsRefusedAndTokensAreAdminsOnly() {
        String id = given().auth().oauth2(TestTokens.user("root", Roles.ADMIN)).contentType("application/json")
                .body(Map.of("client", "old-uf")).when().post("/v1/hec-tokens").then().statusCode(201)
                .extract().jsonPath().getString("id");
        String token = given().auth().oauth2(TestTokens.user("root", Roles.ADMIN)).when().get("/v1/hec-tokens")
                .then().statusCode(200).extract().jsonPath().getString("tokens.find { it.id == '" + id + "' }.token");
        assertThat(token).as("a listed token never shows the token").isNull();
        given().auth().oauth2(TestTokens.user("root", Roles.ADMIN)).when().delete("/v1/hec-tokens/" + id).then()
                .statusCode(204);
        given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT)).contentType("application/json")
                .body(Map.of("client", "x")).when().post("/v1/hec-tokens").then().statusCode(403);
    }

    private Row row(String sql, String like) {
        return pool.preparedQuery(sql).execute(Tuple.of(like)).await().atMost(Duration.ofSeconds(5)).iterator()
                .next();
    }
}
