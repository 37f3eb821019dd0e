package dev.watchfloor.governance.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchResponse;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Audit;
import dev.watchfloor.governance.testing.Identities;

@QuarkusTest
class AuditLedgerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("self")
    Audit audit;

    @jakarta.inject.Inject
    Pool pool;

    private static final String TENANT = "ledger-test";

    private String auditor;

    @BeforeEach
    void emptyLedger() {
        auditor = Identities.user(TENANT, "audrey", "auditor");
        audit = Identities.withToken(audit, Identities.service(MeshService.INGEST));
        pool.preparedQuery("DELETE FROM governance.audit_entries WHERE tenant = $1").execute(Tuple.of(TENANT))
                .await().atMost(WAIT);
        pool.preparedQuery("DELETE FROM governance.audit_checkpoints WHERE tenant = $1").execute(Tuple.of(TENANT))
                .await().atMost(WAIT);
    }

    @jakarta.inject.Inject
    Checkpointer checkpointer;

    @Test
    void appendingTwiceWithTheSameIdempotencyKeyStoresTheEntryOnce() {
        AppendAuditRequest request = request("action.executed", "a-7").toBuilder().setIdempotencyKey("outbox-42")
                .build();

        AppendAuditResponse first = audit.append(request).await().atMost(WAIT);
        AppendAuditResponse again = audit.append(request).await().atMost(WAIT);

        assertThat(again.getSeq()).isEqualTo(first.getSeq());
        assertThat(again.getHash()).isEqualTo(first.getHash());
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM governance.audit_entries WHERE tenant = $1")
                .execute(Tuple.of(TENANT)).await().atMost(WAIT).iterator().next().getLong("n")).isEqualTo(1);
    }

    @Test
    void theActorIsTheCallingServiceAndTheUserItActedForIsKeptBesideIt() {
        audit.append(request("approval.relayed", "a-8").toBuilder().setOnBehalfOf("alice").build()).await()
                .atMost(WAIT);

        given().auth().oauth2(auditor).queryParam("alertId", "a-8").when().get("/v1/audit").then()
                .statusCode(200).body("items[0].actor", equalTo("ingest-service"))
                .body("items[0].onBehalfOf", equalTo("alice"));
    }

    @Test
    void deletingTheNewestEntriesIsCaughtAgainstTheLastSignedCheckpoint() {
        for (int i = 1; i <= 7; i++) {
            append("step." + i, "a-" + i);
        }
        checkpointer.run().await().atMost(WAIT); // checkpoints seq 5 (every 5) and the head, seq 7
        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(200)
                .body("checkpointsChecked", equalTo(2)).body("headSeq", equalTo(7));

        pool.query("DELETE FROM governance.audit_entries WHERE tenant = 'ledger-test' AND seq >= 6").execute()
                .await().atMost(WAIT);

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(409)
                .body("type", equalTo("https://watchfloor.dev/problems/audit-chain-broken"))
                .body("detail", org.hamcrest.Matchers.containsString("deleted"));
    }

    @Test
    void checkpointsSignedBeforeAndAfterAKeyRotationBothVerify() throws Exception {
        for (int i = 1; i <= 5; i++) {
            append("step." + i, "a-" + i);
        }
        String kid = given().auth().oauth2(Identities.platformAdmin()).when().post("/v1/audit/keys/rotate").then()
                .statusCode(200).extract().path("kid");
        for (int i = 6; i <= 10; i++) {
            append("step." + i, "a-" + i);
        }

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(200)
                .body("checkpointsChecked", equalTo(2));
        given().auth().oauth2(auditor).when().get("/v1/audit/keys").then().statusCode(200)
                .body("keys.kid", org.hamcrest.Matchers.hasItem(kid));
        given().auth().oauth2(auditor).when().post("/v1/audit/keys/rotate").then().statusCode(403);
    }

    @Test
    void aForgedCheckpointIsCaught() {
        for (int i = 1; i <= 5; i++) {
            append("step." + i, "a-" + i);
        }
        pool.query("UPDATE governance.audit_checkpoints SET head_hash = repeat('a', 64) WHERE tenant = 'ledger-test'")
                .execute().await().atMost(WAIT);

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(409);
    }

    @Test
    void aRangeIsVerifiedFromTheEntryBeforeIt() {
        for (int i = 1; i <= 6; i++) {
            append("step." + i, "a-" + i);
        }
        pool.query("UPDATE governance.audit_entries SET actor = 'nobody' WHERE tenant = 'ledger-test' AND seq = 2")
                .execute().await().atMost(WAIT);

        given().auth().oauth2(auditor).queryParam("fromSeq", 3).queryParam("toSeq", 6).when()
                .get("/v1/audit/verify").then().statusCode(200).body("entriesChecked", equalTo(4));
        given().auth().oauth2(auditor).queryParam("fromSeq", 1).queryParam("toSeq", 4).when()
                .get("/v1/audit/verify").then().statusCode(409).body("firstBadSeq", equalTo(2));
        given().auth().oauth2(auditor).queryParam("fromSeq", 5).queryParam("toSeq", 2).when()
                .get("/v1/audit/verify").then().statusCode(400);
    }

    @Test
    void anExportVerifiesOfflineWithThePublishedKeysAndATamperedExportDoesNot() throws Exception {
        for (int i = 1; i <= 12; i++) {
            append("step." + i, "a-" + i);
        }
        checkpointer.run().await().atMost(WAIT);
        String export = given().auth().oauth2(auditor).when().get("/v1/audit/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
        String jwks = given().auth().oauth2(auditor).when().get("/v1/audit/keys").then().statusCode(200).extract()
                .asString();
        var signatures = new dev.watchfloor.ledger.CheckpointVerifier(
                dev.watchfloor.ledger.PublicKeys.fromJwkSet(jwks));

        var report = dev.watchfloor.ledger.AuditExport.verify(new java.io.StringReader(export), signatures);
        assertThat(report.valid()).as(report.problem() + " in " + export.substring(0, Math.min(300, export.length())))
                .isTrue();
        assertThat(report.entriesChecked()).isEqualTo(12);
        assertThat(report.checkpointsChecked()).isEqualTo(3);
        assertThat(export.lines()).hasSize(1 + 12 + 3);

        String tampered = export.replace("\"step.4\"", "\"step.X\"");
        var broken = dev.watchfloor.ledger.AuditExport.verify(new java.io.StringReader(tampered), signatures);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstBadSeq()).isEqualTo(4L);
    }

    @Test
    void appendsLinkEachEntryToThePreviousAndVerifyAcceptsTheChain() {
        AppendAuditResponse first = append("alert.handed_off", "a-1");
        AppendAuditResponse second = append("investigation.queued", "a-1");

        assertThat(first.getSeq()).isEqualTo(1);
        assertThat(second.getSeq()).isEqualTo(2);
        String prev = pool
                .preparedQuery(
                        "SELECT prev_hash FROM governance.audit_entries WHERE tenant = 'ledger-test' AND seq = 2")
                .execute().await().atMost(WAIT).iterator().next().getString("prev_hash");
        assertThat(prev).isEqualTo(first.getHash());

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("entriesChecked", equalTo(2)).body("headHash",
                        equalTo(second.getHash()));
    }

    @Test
    void verifyNamesTheFirstEntryWhoseContentWasAltered() {
        for (int i = 1; i <= 5; i++) {
            append("step." + i, "a-" + i);
        }
        pool.preparedQuery("UPDATE governance.audit_entries SET details = $1 WHERE tenant = 'ledger-test' AND seq = 3")
                .execute(Tuple.of("{\"verdict\":\"benign\"}")).await().atMost(WAIT);

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://watchfloor.dev/problems/audit-chain-broken"))
                .body("firstBadSeq", equalTo(3))
                .body("entriesChecked", equalTo(2))
                .body("detail", startsWith("Entry seq 3"));
    }

    @Test
    void verifyDetectsADeletedEntry() {
        for (int i = 1; i <= 4; i++) {
            append("step." + i, "a-" + i);
        }
        pool.query("DELETE FROM governance.audit_entries WHERE tenant = 'ledger-test' AND seq = 2").execute().await()
                .atMost(WAIT);

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(409)
                .body("firstBadSeq", equalTo(3))
                .body("detail", org.hamcrest.Matchers.containsString("sequence gap"));
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() {
        var unis = java.util.stream.IntStream.range(0, 20).mapToObj(i -> audit.append(request("burst", "a-" + i)))
                .toList();
        io.smallrye.mutiny.Uni.join().all(unis).andFailFast().await().atMost(WAIT);

        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(200).body("entriesChecked",
                equalTo(20));
    }

    @Test
    void aBatchIsStoredInOrderAndAnsweredOnePerEntryWithRepeatedKeysStoredOnce() {
        AppendAuditResponse earlier = audit.append(request("step.0", "a-0").toBuilder().setIdempotencyKey("k-0")
                .build()).await().atMost(WAIT);
        AppendAuditBatchRequest batch = AppendAuditBatchRequest.newBuilder()
                .addEntries(request("step.1", "a-1").toBuilder().setIdempotencyKey("k-1"))
                .addEntries(request("step.0", "a-0").toBuilder().setIdempotencyKey("k-0"))
                .addEntries(request("step.2", "a-2").toBuilder().setIdempotencyKey("k-2"))
                .addEntries(request("step.1", "a-1").toBuilder().setIdempotencyKey("k-1"))
                .addEntries(request("step.3", "a-3")).build();

        AppendAuditBatchResponse first = audit.appendBatch(batch).await().atMost(WAIT);
        AppendAuditBatchResponse again = audit.appendBatch(batch).await().atMost(WAIT);

        assertThat(first.getEntriesList()).extracting(AppendAuditResponse::getSeq).containsExactly(2L, 1L, 3L, 2L,
                4L);
        assertThat(first.getEntries(1)).isEqualTo(earlier);
        // the keyed entries are answered as stored; the one without a key is a new entry each time
        assertThat(again.getEntriesList()).extracting(AppendAuditResponse::getSeq).containsExactly(2L, 1L, 3L, 2L,
                5L);
        given().auth().oauth2(auditor).when().get("/v1/audit/verify").then().statusCode(200).body("entriesChecked",
                equalTo(5));
        given().auth().oauth2(auditor).queryParam("alertId", "a-2").when().get("/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].eventType", equalTo("step.2"));
    }

    @Test
    void aBatchWithOneInvalidEntryIsRefusedWholeNamingTheEntry() {
        AppendAuditBatchRequest batch = AppendAuditBatchRequest.newBuilder().addEntries(request("step.1", "a-1"))
                .addEntries(request("step.2", "a-2").toBuilder().setDetailsJson("[1, 2]")).build();

        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> audit.appendBatch(batch).await().atMost(WAIT));

        assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).startsWith("entries[1]: details_json");
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM governance.audit_entries WHERE tenant = $1")
                .execute(Tuple.of(TENANT)).await().atMost(WAIT).iterator().next().getLong("n")).isZero();
    }

    @Test
    void rejectsAppendWithoutEventType() {
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> audit.append(request("", "a-1")).await().atMost(WAIT));

        assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void listsEntriesOfOneAlertWithTheirTraceId() {
        append("alert.handed_off", "a-9");
        append("alert.handed_off", "a-10");

        given().auth().oauth2(auditor).queryParam("alertId", "a-9").when().get("/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].traceId", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    private AppendAuditResponse append(String type, String alertId) {
        return audit.append(request(type, alertId)).await().atMost(WAIT);
    }

    private static AppendAuditRequest request(String type, String alertId) {
        return AppendAuditRequest.newBuilder().setTenant(TENANT).setEventType(type)
                .setAlertId(alertId).setTraceId("4bf92f3577b34da6a3ce929d0e0e4736").setDetailsJson("{}").build();
    }
}
