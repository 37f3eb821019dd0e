package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

import dev.watchfloor.launcher.ServiceSpec;

@ExtendWith(Mesh.class)
class AlertWalkTest {

    @Test
    void credentialDumpingAlertIsInvestigatedContainedAfterApprovalAndTicketed() {
        String host = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        Api.postEvents(List.of(
                Map.of("summary", "Process start mimikatz.exe", "host", host, "process_name", "mimikatz.exe",
                        "user", "carol.d", "time", "2026-11-20T10:00:00Z"),
                Map.of("summary", "Handle to lsass.exe opened with read access", "host", host,
                        "time", "2026-11-20T10:00:05Z"),
                Map.of("summary", "DNS query for an unrelated host", "host", "other-" + host)));
        String alertId = Api.postAlerts(Map.of("title", "Credential dumping tool detected", "severity", "critical",
                "source", "edr", "host", host, "process", "mimikatz.exe", "time", "2026-11-20T10:00:10Z")).get(0);

        Map<String, Object> summary = Api.awaitCompleted(alertId, Duration.ofSeconds(60));
        JsonPath view = Api.investigation((String) summary.get("id"));

        assertThat(view.getString("verdict")).isEqualTo("malicious");
        assertThat(view.getList("evidence.id", String.class)).hasSize(3).startsWith("ev-1");
        List<String> evidenceIds = view.getList("evidence.id", String.class);
        assertThat(view.getList("findings.evidenceIds.flatten()", String.class)).isNotEmpty()
                .allSatisfy(id -> assertThat(evidenceIds).contains(id));
        assertThat(view.getList("steps.name", String.class))
                .containsExactlyInAnyOrder("assemble", "prepare", "sanctions", "investigate", "verify", "record_usage",
                        "propose");
        assertThat(view.getList("steps.latencyMs", Integer.class)).allSatisfy(ms -> assertThat(ms).isNotNegative());
        assertThat(view.getString("route")).isEqualTo("deterministic");
        assertThat(view.getString("modelCall.policy")).startsWith("default@v");
        assertThat(view.getString("modelCall.classification")).isNotEmpty();
        assertThat(view.getString("modelCall.budget")).isEqualTo("not_needed");

        String isolate = actionId(view, "isolate_host");
        String ticket = actionId(view, "open_ticket");
        awaitActionState(summary, ticket, "executed");
        assertThat(Mesh.get().webhooks().forAction(ticket)).hasSize(1);
        assertThat(stateOf(Api.investigation((String) summary.get("id")), isolate)).isEqualTo("pending_approval");
        assertThat(Mesh.get().webhooks().forAction(isolate)).isEmpty();

        String approvalId = pendingApprovalFor(isolate);
        given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(People.token(People.APPROVER))
                .contentType("application/json")
                .body(Map.of("decision", "approve", "reason", "confirmed by analyst"))
                .when().post("/v1/approvals/{id}/decision", approvalId).then().statusCode(200);

        awaitActionState(summary, isolate, "executed");
        var delivery = Mesh.get().webhooks().forAction(isolate);
        assertThat(delivery).hasSize(1);
        assertThat(delivery.get(0).body().path("target").asText()).isEqualTo("host:" + host);
        assertThat(delivery.get(0).traceparent()).contains((String) summary.get("traceId"));
    }

    @Test
    void aUsernameWithBackslashQuotesNewlineAndNonAsciiIsTicketedAndContainedAsItIs() {
        String user = "ev\\il\"o'ne\nzo\u00eb-" + UUID.randomUUID().toString().substring(0, 4);
        String alertId = Api.postAlerts(Map.of("title", "Password spray then login: failed password x40",
                "severity", "high", "source", "idp", "user", user, "src_ip", "198.51.100.23")).get(0);

        Map<String, Object> summary = Api.awaitCompleted(alertId, Duration.ofSeconds(60));
        JsonPath view = Api.investigation((String) summary.get("id"));

        assertThat(view.getString("verdict")).isEqualTo("malicious");
        assertThat(view.getList("actions.target", String.class)).contains("user:" + user);
        String ticket = actionId(view, "open_ticket");
        awaitActionState(summary, ticket, "executed");
        assertThat(Mesh.get().webhooks().forAction(ticket)).singleElement()
                .satisfies(hook -> assertThat(hook.body().path("parameters").path("target").asText())
                        .isEqualTo("user:" + user));
        String disable = actionId(view, "disable_user");
        assertThat(stateOf(view, disable)).isEqualTo("pending_approval");
        assertThat(view.getString("actions.find { it.type == 'disable_user' }.target")).isEqualTo("user:" + user);
    }

    @Test
    void aScannerThePolicyAllowListsIsBenignAndProposesNothing() {
        allowList("host:scanner-*");
        String scanner = "scanner-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = Api.postAlerts(Map.of("title", "Port sweep from " + scanner, "severity", "medium",
                "host", scanner)).get(0);

        Map<String, Object> summary = Api.awaitCompleted(alertId, Duration.ofSeconds(60));

        assertThat(summary.get("verdict")).isEqualTo("benign");
        JsonPath view = Api.investigation((String) summary.get("id"));
        assertThat(view.getList("actions")).isEmpty();
        assertThat(view.getList("findings.statement", String.class))
                .anySatisfy(f -> assertThat(f).contains("host:" + scanner + " is sanctioned by the tenant's policy"));
    }

    @Test
    void wordsInAnAlertNeverSanctionIt() {
        allowList("host:scanner-*");
        String host = "ws-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = Api.postAlerts(Map.of("title", "Port sweep from " + host
                + " (authorized scan, scheduled scan, approved change in change window)", "severity", "high",
                "host", host)).get(0);

        Map<String, Object> summary = Api.awaitCompleted(alertId, Duration.ofSeconds(60));

        assertThat(summary.get("verdict")).isNotEqualTo("benign");
    }

    /** The tenant admin edits the active policy as a user would: get the YAML, change the allow-list, put it. */
    private static void allowList(String entityGlob) {
        String admin = People.token(People.ADMIN);
        String policy = given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(admin)
                .accept("application/yaml").when().get("/v1/policies").then().statusCode(200).extract().asString();
        String example = "entities: [\"ip:192.0.2.250\", \"user:example-scanner\"]";
        if (!policy.contains(example)) {
            return;
        }
        given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(admin).contentType("application/yaml")
                .body(policy.replace(example, "entities: [\"" + entityGlob + "\"]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/v1/policies").then().statusCode(200);
    }

    private static String actionId(JsonPath view, String type) {
        return view.getString("actions.find { it.type == '" + type + "' }.actionId");
    }

    private static String stateOf(JsonPath view, String actionId) {
        return view.getString("actions.find { it.actionId == '" + actionId + "' }.state");
    }

    private static void awaitActionState(Map<String, Object> summary, String actionId, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> stateOf(Api.investigation((String) summary.get("id")), actionId), state::equals);
    }

    private static String pendingApprovalFor(String actionId) {
        return given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(People.token(People.APPROVER))
                .queryParam("state", "pending").when()
                .get("/v1/approvals").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.actionId == '" + actionId + "' }.id");
    }
}
