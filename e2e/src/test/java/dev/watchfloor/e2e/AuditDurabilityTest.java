package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

import dev.watchfloor.launcher.ServiceSpec;

/**
 * Governance is down for 60 s while alerts flow and an approved action runs. Every service keeps its audit entries in
 * its own outbox, written with the change; when governance is back, each entry reaches the ledger exactly once, in the
 * order its service recorded it, and the chain verifies.
 */
@ExtendWith(Mesh.class)
class AuditDurabilityTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final String[] SCHEMAS = {"ingest", "context", "reasoning", "action"};

    @Test
    void everyAuditEntryReachesTheLedgerOnceAndInOrderAfterGovernanceWasDown() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String host = "ws-dur-" + tag;
        Instant since = Instant.now();
        String alertId = Api.postAlerts(Map.of("title", "Credential dumping on " + host, "severity", "critical",
                "host", host, "user", "u." + tag, "technique", "T1003.001")).get(0);
        JsonPath view = Api.investigation((String) Api.awaitCompleted(alertId, Duration.ofSeconds(60)).get("id"));
        String isolate = view.getString("actions.find { it.type == 'isolate_host' }.actionId");
        String approvalId = given().baseUri(Api.url(ServiceSpec.GOVERNANCE))
                .auth().oauth2(People.token(People.APPROVER)).queryParam("state", "pending").when()
                .get("/v1/approvals").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.actionId == '" + isolate + "' }.id");

        // the EDR is briefly down, so the approved action is still retrying when governance goes away
        Mesh.get().webhooks().failFor("host:" + host);
        given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(People.token(People.APPROVER))
                .contentType("application/json").body(Map.of("decision", "approve", "reason", "durability"))
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> attempts(isolate) > 0);

        List<String> duringOutage = new ArrayList<>();
        Outage.of(Mesh.get().service(ServiceSpec.GOVERNANCE), OUTAGE, () -> {
            Mesh.get().webhooks().recoverFor("host:" + host);
            for (int i = 0; i < 5; i++) {
                duringOutage.addAll(Api.postAlerts(Map.of("title", "Suspicious login " + tag + "-" + i, "severity",
                        "medium", "user", "v." + tag + i, "src_ip", "198.51.100." + (i + 10))));
            }
            await().atMost(OUTAGE).pollInterval(Duration.ofMillis(250))
                    .until(() -> !Mesh.get().webhooks().forAction(isolate).isEmpty());
            assertThat(pending()).as("audit entries waiting in the services' outboxes").isPositive();
        });

        // the alerts posted during the outage are investigated once governance is back; only after that has no
        // service anything left to record, so an empty outbox means everything reached the ledger
        for (String id : duringOutage) {
            Api.awaitCompleted(id, Duration.ofSeconds(120));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> pending() == 0);

        Map<String, Long> ledgerSeqByKey = ledgerSeqByKey();
        for (String schema : SCHEMAS) {
            List<String> keys = outboxKeys(schema, since);
            assertThat(keys).as("%s recorded audit entries", schema).isNotEmpty();
            List<Long> seqs = keys.stream().map(ledgerSeqByKey::get).toList();
            assertThat(seqs).as("every %s entry is in the ledger", schema).doesNotContainNull();
            assertThat(seqs).as("%s entries keep their order", schema).isSorted();
        }
        assertThat(duplicateKeys()).isZero();
        assertThat(eventTypes(isolate)).containsSubsequence("action.proposed", "action.executed")
                .containsOnlyOnce("action.executed");
        for (String id : duringOutage) {
            assertThat(eventTypes("alert:" + id)).containsOnlyOnce("alert.handed_off");
        }
        given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(People.token(People.AUDITOR)).when()
                .get("/v1/audit/verify").then().statusCode(200);
    }

    private static long attempts(String actionId) throws SQLException {
        return single("SELECT attempts FROM action.actions WHERE id = '" + actionId + "'");
    }

    private static long pending() throws SQLException {
        long n = 0;
        for (String schema : SCHEMAS) {
            n += single("SELECT count(*) FROM " + schema + ".audit_outbox WHERE delivered_at IS NULL");
        }
        return n;
    }

    private static List<String> outboxKeys(String schema, Instant since) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = Mesh.get().sql();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM " + schema + ".audit_outbox WHERE tenant = '"
                        + People.TENANT + "' AND created_at >= '" + since + "' ORDER BY seq")) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        }
        return keys;
    }

    private static Map<String, Long> ledgerSeqByKey() throws SQLException {
        Map<String, Long> seqs = new HashMap<>();
        try (Connection c = Mesh.get().sql();
                Statement s = c.createStatement();
                ResultSet r = s
                        .executeQuery("SELECT idempotency_key, seq FROM governance.audit_entries WHERE tenant = '"
                                + People.TENANT + "' AND idempotency_key <> ''")) {
            while (r.next()) {
                seqs.put(r.getString(1), r.getLong(2));
            }
        }
        return seqs;
    }

    private static long duplicateKeys() throws SQLException {
        return single("SELECT count(*) FROM (SELECT idempotency_key FROM governance.audit_entries WHERE "
                + "idempotency_key <> '' GROUP BY tenant, idempotency_key HAVING count(*) > 1) d");
    }

    /** Event types about an action id, or about an alert id given as "alert:<id>", in chain order. */
    private static List<String> eventTypes(String about) throws SQLException {
        String where = about.startsWith("alert:")
                ? "alert_id = '" + about.substring(6) + "'"
                : "action_id = '" + about + "'";
        List<String> types = new ArrayList<>();
        try (Connection c = Mesh.get().sql();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT event_type FROM governance.audit_entries WHERE " + where
                        + " ORDER BY seq")) {
            while (r.next()) {
                types.add(r.getString(1));
            }
        }
        return types;
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = Mesh.get().sql(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
