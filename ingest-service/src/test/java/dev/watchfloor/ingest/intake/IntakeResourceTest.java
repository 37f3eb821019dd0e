package dev.watchfloor.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.testing.TestTokens;

@QuarkusTest
class IntakeResourceTest {

    @Inject
    Pool pool;

    private static RequestSpecification siem() {
        return given().auth().oauth2(TestTokens.user("siem", Roles.API_CLIENT));
    }

    private static RequestSpecification otherTenant() {
        return given().auth().oauth2(TestTokens.of(TestTokens.OTHER_TENANT, "intruder", Roles.ANALYST));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyRecordOfABodyIsAccountedForAndQuarantinedOnesAreKept() {
        String tag = unique();
        String body = "{\"title\":\"A " + tag + "\",\"host\":\"h-1\",\"time\":\"Nov 28 03:04:05\"}\n"
                + "{\"title\":\"B " + tag + "\",\"user\":\"u\",\"time\":\"soon\"}\n"
                + "{\"title\": \"broken\n"
                + "[7]\n";
        JsonPath answer = siem().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/alerts").then()
                .statusCode(202).body("results", hasSize(4)).extract().jsonPath();

        assertThat(answer.getList("results.status")).containsExactly("accepted", "accepted", "quarantined",
                "quarantined");
        assertThat(answer.getString("results[2].reason")).startsWith("unreadable JSON")
                .contains("has to be escaped");
        assertThat(answer.getLong("results[2].offset")).isEqualTo(body.indexOf("{\"title\": \"broken"));
        assertThat(answer.getString("results[3].reason")).contains("JSON object");

        Row alert = row("SELECT a.title, a.entities, a.format, a.raw, a.body->>'class_uid' AS class, "
                + "o.delivered_at FROM ingest.alerts a JOIN ingest.outbox o ON o.alert_id = a.id WHERE a.id = $1",
                answer.getString("results[0].id"));
        assertThat(alert.getString("title")).isEqualTo("A " + tag);
        assertThat(alert.getArrayOfStrings("entities")).containsExactly("host:h-1");
        assertThat(alert.getString("class")).isEqualTo("2004");
        assertThat(alert.getString("raw")).startsWith("{\"title\":\"A ");
        // times as read: syslog without a year, and one that cannot be read, which refuses nothing
        Row first = row("SELECT time_text, time_flags FROM ingest.alerts WHERE id = $1",
                answer.getString("results[0].id"));
        Row unreadable = row("SELECT time_text, time_flags, observed_at = received_at AS at_receipt FROM "
                + "ingest.alerts WHERE id = $1", answer.getString("results[1].id"));
        assertThat(first.getArrayOfStrings("time_flags")).contains("year-inferred", "zone-assumed");
        assertThat(unreadable.getString("time_text")).isEqualTo("soon");
        assertThat(unreadable.getBoolean("at_receipt")).isTrue();

        Row kept = row("SELECT raw, reason, byte_offset, kind FROM ingest.quarantine WHERE id = $1",
                answer.getString("results[2].id"));
        assertThat(kept.getString("raw")).isEqualTo("{\"title\": \"broken\n");
        assertThat(kept.getString("kind")).isEqualTo("alert");
    }

    @Test
    void eventsAreStoredWithoutAnOutboxRow() {
        String id = siem().contentType("application/json").body("{\"summary\":\"dns query " + unique()
                + "\",\"host\":\"h-2\"}").when().post("/v1/events").then().statusCode(202).extract().jsonPath()
                .getString("results[0].id");

        assertThat(count("SELECT count(*) AS n FROM ingest.outbox WHERE alert_id = $1", id)).isZero();
        assertThat(count("SELECT count(*) AS n FROM ingest.events WHERE id = $1", id)).isEqualTo(1);
    }

    @Test
    void readsGzipAndTextLinesAndANamedSource() throws IOException {
        String tag = unique();
        byte[] gzip = gzip("{\"summary\":\"one " + tag + "\"}\n{\"summary\":\"two " + tag + "\"}\n");
        siem().contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(gzip).when()
                .post("/v1/events").then().statusCode(202).body("results.status", equalTo(List.of("accepted",
                        "accepted")));
        siem().contentType("text/plain").body(("<34>Oct 11 22:14:15 mymachine su: 'su root' failed " + tag)
                .getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/events").then().statusCode(202).body("results[0].status", equalTo("accepted"));
        siem().contentType("application/json").queryParam("source", "json").body("{\"summary\":\"s " + tag + "\"}")
                .when().post("/v1/events").then().statusCode(202).body("results[0].source", equalTo("json"));
        siem().contentType("application/json").queryParam("source", "nope").body("{}").when().post("/v1/events")
                .then().statusCode(400).body("type", containsString("unknown-source"))
                .body("detail", containsString("json"));
    }

    @Test
    void aRelaysBodyMixingFormatsIsReadLineByLineAndAnsweredInItsOrder() {
        String tag = unique();
        // a user with a quote, a backslash, a double quote, a newline and a non-ASCII letter, as JSON text
        String user = "o'bri\\\\en\\\"q\\nzo\u00eb";
        String body = "{\"summary\":\"one " + tag + "\",\"user\":\"" + user + "\"}\n"
                + "CEF:0|Acme|IDS|1.0|100|Port scan " + tag + "|5|src=10.0.0.1 dst=10.0.0.2\n"
                + "<38>Nov 28 10:00:00 bastion sshd[42]: Failed password for root from 10.0.0.9 port 22 ssh2\n"
                + "<Event><System><Provider Name=\"Microsoft-Windows-Security-Auditing\"/><EventID>4625</EventID>"
                + "<Computer>ws-" + tag + "</Computer></System></Event>\n"
                + "{\"summary\":\"two " + tag + "\"}\n";
        JsonPath answer = siem().contentType("application/octet-stream").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/events").then().statusCode(202).extract().jsonPath();

        assertThat(answer.getList("results.status")).containsOnly("accepted").hasSize(5);
        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3, 4);
        assertThat(answer.getList("results.source")).containsExactly("json", "cef", "linux-auth", "windows", "json");
        Row first = row("SELECT body->'actor'->'user'->>'name' AS name, raw FROM ingest.events WHERE id = $1",
                answer.getString("results[0].id"));
        assertThat(first.getString("name")).isEqualTo("o'bri\\en\"q\nzo\u00eb");
        assertThat(row("SELECT raw FROM ingest.events WHERE id = $1", answer.getString("results[4].id"))
                .getString("raw")).contains("two " + tag);
    }

    @Test
    void rwcutTablesAreReadAsCsvOrPlainText() {
        String body = "sIP,dIP,sPort,dPort,protocol\n192.0.2.5,198.51.100.6,50000,443,6\n192.0.2.5,198.51.100.6,1\n";
        for (String type : List.of("text/csv", "text/csv; charset=utf-8", "text/plain")) {
            siem().contentType(type).body(body).when().post("/v1/normalize").then().statusCode(200)
                    .body("results.status", equalTo(List.of("accepted", "quarantined")))
                    .body("results[0].event.class_uid", equalTo(4001))
                    .body("results[0].event.metadata.product.name", equalTo("SiLK"))
                    .body("results[0].event.dst_endpoint.port", equalTo(443));
        }
    }

    @Test
    void anExactDuplicateIsStoredOnceAndCounted() {
        String body = "{\"summary\":\"same " + unique() + "\",\"host\":\"h-3\",\"time\":\"2026-11-20T10:00:00Z\"}";
        String first = siem().contentType("application/json").body(body).when().post("/v1/events").then()
                .statusCode(202).body("results[0].status", equalTo("accepted")).extract().jsonPath()
                .getString("results[0].id");
        siem().contentType("application/json").body("[" + body + "," + body + "]").when().post("/v1/events").then()
                .statusCode(202).body("results.status", equalTo(List.of("duplicate", "duplicate")))
                .body("results.id", equalTo(List.of(first, first)));

        assertThat(count("SELECT duplicates AS n FROM ingest.events WHERE id = $1", first)).isEqualTo(2);
    }

    @Test
    void nearDuplicateAlertsJoinTheLeadersGroupAndOnlyItIsInvestigated() {
        String host = "ws-" + unique();
        String a = "{\"title\":\"Beaconing\",\"host\":\"" + host + "\",\"time\":\"2026-11-20T10:00:00Z\"}";
        String b = "{\"title\":\"Beaconing\",\"host\":\"" + host + "\",\"time\":\"2026-11-20T10:05:00Z\"}";
        String c = "{\"title\":\"Beaconing\",\"host\":\"" + host + "\",\"time\":\"2026-11-20T13:00:00Z\"}";
        JsonPath answer = siem().contentType("application/json").body("[" + a + "," + b + "," + c + "]").when()
                .post("/v1/alerts").then().statusCode(202).extract().jsonPath();

        assertThat(answer.getList("results.status")).containsExactly("accepted", "grouped", "accepted");
        String leader = answer.getString("results[0].id");
        assertThat(answer.getString("results[1].leader")).isEqualTo(leader);
        assertThat(answer.getString("results[1].group")).isEqualTo(answer.getString("results[0].group"));
        assertThat(answer.getString("results[2].group")).as("beyond the window: a new group")
                .isNotEqualTo(answer.getString("results[0].group"));
        assertThat(count("SELECT count(*) AS n FROM ingest.outbox WHERE alert_id = $1",
                answer.getString("results[1].id"))).isZero();
        assertThat(count("SELECT count(*) AS n FROM ingest.outbox WHERE alert_id = $1", leader)).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM ingest.outbox WHERE alert_id = $1",
                answer.getString("results[2].id"))).as("the new group's leader").isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM ingest.alert_groups WHERE leader_alert_id = $1 AND NOT open",
                leader)).as("the first group closed when the third alert fell outside its window").isEqualTo(1);
        siem().when().get("/v1/alerts/" + answer.getString("results[1].id")).then().statusCode(200)
                .body("group.leader", equalTo(leader)).body("group.members", equalTo(2))
                .body("group.keys", org.hamcrest.Matchers.hasItem("host:" + host));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String key = "retry-" + unique();
        String body = "[{\"summary\":\"k " + key + "\"}]";
        String first = siem().contentType("application/json").header("Idempotency-Key", key).body(body).when()
                .post("/v1/events").then().statusCode(202).extract().jsonPath().getString("results[0].id");
        siem().contentType("application/json").header("Idempotency-Key", key).body(body).when().post("/v1/events")
                .then().statusCode(202).body("results[0].status", equalTo("accepted"))
                .body("results[0].id", equalTo(first));
        siem().contentType("application/json").header("Idempotency-Key", key).body("[{\"summary\":\"other\"}]")
                .when().post("/v1/events").then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));

        assertThat(count("SELECT count(*) AS n FROM ingest.events WHERE summary = $1", "k " + key)).isEqualTo(1);
    }

    @Test
    void normalizeAnswersWhatWouldBeStoredAndStoresNothing() {
        String tag = unique();
        siem().contentType("application/json").queryParam("kind", "alert")
                .body("[{\"title\":\"Preview " + tag + "\",\"user\":\"Bob\",\"src_ip\":\"198.51.100.9\"},5]").when()
                .post("/v1/normalize").then().statusCode(200)
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].event.class_uid", equalTo(2004))
                .body("results[0].event.actor.user.name", equalTo("Bob"))
                .body("results[0].entities", equalTo(List.of("ip:198.51.100.9", "user:bob")))
                .body("results[1].status", equalTo("quarantined"));

        assertThat(count("SELECT count(*) AS n FROM ingest.alerts WHERE title = $1", "Preview " + tag)).isZero();
    }

    @Test
    void storedRecordsAreReadWithTheirEnvelopeByTheirTenantOnly() {
        String id = siem().contentType("application/json").body("{\"title\":\"Envelope " + unique()
                + "\",\"severity\":\"high\",\"note\":\"kept\"}").when().post("/v1/alerts").then().statusCode(202)
                .extract().jsonPath().getString("results[0].id");

        siem().when().get("/v1/alerts/" + id).then().statusCode(200)
                .body("format", equalTo("json")).body("severity_id", equalTo(4))
                .body("event.unmapped.note", equalTo("kept")).body("raw", containsString("\"note\":\"kept\""))
                .body("time_flags", equalTo(List.of("missing")));
        otherTenant().when().get("/v1/alerts/" + id).then().statusCode(404);
        siem().when().get("/v1/events/" + id).then().statusCode(404);
        siem().when().get("/v1/alerts/not-an-id").then().statusCode(404);
    }

    @Test
    void aQuarantinedRecordIsListedFetchedAndReplayedOnce() {
        String line = "<13>Nov 28 03:04:05 fw01 app: sent as JSON by mistake " + unique();
        String id = siem().contentType("application/json").body(line).when().post("/v1/events").then()
                .statusCode(202).body("results[0].status", equalTo("quarantined")).extract().jsonPath()
                .getString("results[0].id");

        siem().when().get("/v1/quarantine").then().statusCode(200)
                .body("entries.id", org.hamcrest.Matchers.hasItem(id));
        siem().when().get("/v1/quarantine/" + id).then().statusCode(200).body("raw", equalTo(line))
                .body("offset", equalTo(0));
        otherTenant().when().get("/v1/quarantine/" + id).then().statusCode(404);
        String replayed = siem().when().post("/v1/quarantine/" + id + "/replay").then().statusCode(200)
                .body("results[0].status", equalTo("accepted")).extract().jsonPath().getString("results[0].id");
        siem().when().get("/v1/quarantine/" + id).then().body("replayed_as", equalTo(replayed));
        siem().when().post("/v1/quarantine/" + id + "/replay").then().statusCode(409);
        siem().when().get("/v1/quarantine?limit=0").then().statusCode(400);
    }

    @Test
    void aRecordThatStillCannotBeReadIsNotReplayed() {
        String id = siem().contentType("application/json").body("{\"a\":").when().post("/v1/events").then()
                .statusCode(202).extract().jsonPath().getString("results[0].id");

        siem().when().post("/v1/quarantine/" + id + "/replay").then().statusCode(422)
                .body("detail", containsString("truncated"));
    }

    @Test
    void badBodiesGetProblemDetails() {
        siem().contentType("text/html").body("<p>a</p>").when().post("/v1/alerts").then().statusCode(415)
                .contentType("application/problem+json");
        siem().contentType("application/json").body("").when().post("/v1/alerts").then().statusCode(400)
                .body("type", containsString("empty-body"));
        siem().contentType("application/json").header("Content-Encoding", "gzip").body("not gzip").when()
                .post("/v1/events").then().statusCode(400).body("type", containsString("malformed-gzip"));
        siem().contentType("application/json").header("Content-Encoding", "br").body("{}").when()
                .post("/v1/events").then().statusCode(415);
        siem().contentType("application/json").body("{\"events\":[]}").when().post("/v1/events").then()
                .statusCode(202).body("results", hasSize(0));
        siem().contentType("application/json").header("Idempotency-Key", "has space").body("{}").when()
                .post("/v1/events").then().statusCode(400);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private Row row(String sql, String id) {
        return pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(5))
                .iterator().next();
    }

    private long count(String sql, Object param) {
        Object value = param instanceof String s && s.length() == 36 && s.charAt(8) == '-'
                ? UUID.fromString(s)
                : param;
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(5)).iterator()
                .next().getLong("n");
    }
}
