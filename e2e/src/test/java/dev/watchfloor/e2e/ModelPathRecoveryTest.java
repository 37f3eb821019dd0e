package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.watchfloor.launcher.ServiceProcess;
import dev.watchfloor.launcher.ServiceSpec;
import dev.watchfloor.launcher.StandInModel;

/**
 * The model path through a crash and an outage. Tenant {@value #TENANT}'s policy routes its calls to a stand-in model
 * (the OpenAI protocol, answering after {@link #MODEL_DELAY}: suspicious, a ticket on the alert's first entity), so
 * investigations hold their leases for seconds while the model thinks. Reasoning is killed (SIGKILL) with model calls
 * in flight, and governance is stopped for 60 s with investigations under way; afterwards every investigation has
 * completed exactly once on the model path, with one evidence assembly, one usage record and one ticket each.
 */
@ExtendWith(Mesh.class)
class ModelPathRecoveryTest {

    static final String TENANT = "e2e-model";
    /** The route {@link Mesh} lets governance choose; only this tenant's policy names it. */
    static final String ROUTE = Mesh.STAND_IN_ROUTE;
    private static final Duration MODEL_DELAY = Duration.ofSeconds(2);
    private static final int ALERTS = 6;

    private static StandInModel model;

    @BeforeAll
    static void routeTheTenantToAStandInModel() throws Exception {
        Map<String, Object> ticket = Map.of("type", "open_ticket", "target", "t1", "justification",
                "track the suspicious sign-in", "evidenceIds", List.of("ev-1"));
        model = StandInModel.start(MODEL_DELAY, StandInModel.assessment("suspicious", 0.8, List.of(ticket)));
        String admin = People.token(TENANT, People.ADMIN);
        String policy = given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(admin)
                .accept("application/yaml").when().get("/v1/policies").then().statusCode(200).extract().asString();
        String routed = edit(edit(policy, "[hosted-small, hosted-large, deterministic]",
                "[" + ROUTE + ", deterministic]"), "  routes:\n    - name: hosted-small\n",
                "  routes:\n    - name: " + ROUTE + "\n      provider: openai\n      model: stand-in\n"
                        + "      baseUrl: " + model.baseUrl() + "\n      inputUsdPerMillion: 0.15\n"
                        + "      outputUsdPerMillion: 0.60\n      maxOutputTokens: 1024\n"
                        + "    - name: hosted-small\n");
        given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(admin).contentType("application/yaml")
                .body(routed.getBytes(StandardCharsets.UTF_8)).when().put("/v1/policies").then().statusCode(200);
    }

    @AfterAll
    static void stopTheModel() {
        if (model != null) {
            model.close();
        }
    }

    private static String edit(String text, String what, String with) {
        assertThat(text).as("the default policy names %s", what).contains(what);
        return text.replace(what, with);
    }

    @Test
    void investigationsWhoseModelCallsWereInFlightWhenReasoningWasKilledAreTakenOverAndCompleteOnce()
            throws Exception {
        List<String> alerts = postAlerts("kill");
        long askedBefore = model.calls();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> model.calls() > askedBefore);

        ServiceProcess reasoning = Mesh.get().service(ServiceSpec.REASONING);
        reasoning.kill();
        Map<String, Integer> held = leasesHeld(alerts);
        assertThat(held).as("investigations whose lease the killed replica held").isNotEmpty();

        reasoning.start();
        awaitAllCompleted(alerts);

        assertCompletedOnceOnTheModelPath(alerts);
        Map<String, Integer> attempts = attemptsByInvestigation(alerts);
        held.forEach((investigation, attemptAtKill) -> assertThat(attempts.get(investigation))
                .as("the lease of %s was taken over by a new attempt", investigation)
                .isGreaterThan(attemptAtKill));
    }

    @Test
    void investigationsUnderWayWhenGovernanceStopsForSixtySecondsCompleteOnceAfterItIsBack() throws Exception {
        List<String> alerts = postAlerts("outage");
        long askedBefore = model.calls();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> model.calls() > askedBefore);

        Outage.of(Mesh.get().service(ServiceSpec.GOVERNANCE), Duration.ofSeconds(60), () -> {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> waitingForAPeer(alerts) > 0);
        });
        assertThat(statuses(alerts)).as("nothing failed for good while governance was down")
                .doesNotContainKey("failed");
        awaitAllCompleted(alerts);

        assertCompletedOnceOnTheModelPath(alerts);
    }

    private static List<String> postAlerts(String tag) {
        String batch = tag + "-" + UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            alerts.add(Map.of("title", "Suspicious sign-in " + batch + "-" + i, "severity", "medium", "user",
                    "m." + batch + "-" + i, "src_ip", "198.51.100." + (100 + i)));
        }
        return Api.postAlerts(TENANT, alerts);
    }

    private static void awaitAllCompleted(List<String> alerts) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> statuses(alerts).getOrDefault("completed", 0) == ALERTS);
    }

    private static void assertCompletedOnceOnTheModelPath(List<String> alerts) throws SQLException {
        assertThat(Queries.byIds("SELECT alert_id, completions FROM reasoning.investigations WHERE alert_id = ANY(?)",
                alerts)).hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).as("completions").isEqualTo(1));
        assertThat(Queries.byIds("SELECT alert_id, count(*) FROM reasoning.investigations WHERE alert_id = ANY(?) "
                + "AND result->>'path' = 'model' GROUP BY alert_id", alerts)).as("answered by the model")
                .hasSize(ALERTS);
        assertThat(
                Queries.byIds(
                        "SELECT i.alert_id, count(a.id) FROM reasoning.investigations i JOIN context.assemblies a "
                                + "ON a.investigation_id = i.id::text WHERE i.alert_id = ANY(?) GROUP BY i.alert_id",
                        alerts))
                .as("evidence assemblies").hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
        assertThat(Queries.byIds("SELECT i.alert_id, count(u.id) FROM reasoning.investigations i "
                + "JOIN governance.usage_records u ON u.investigation_id = i.id::text AND u.tenant = i.tenant "
                + "WHERE i.alert_id = ANY(?) GROUP BY i.alert_id", alerts)).as("usage records").hasSize(ALERTS)
                .allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
        assertThat(Queries.byIds("SELECT i.alert_id, count(*) FROM reasoning.investigations i "
                + "JOIN governance.usage_records u ON u.investigation_id = i.id::text AND u.tenant = i.tenant "
                + "WHERE i.alert_id = ANY(?) AND u.route = '" + ROUTE + "' AND u.cost_usd > 0 GROUP BY i.alert_id",
                alerts)).as("usage paid on the model's route").hasSize(ALERTS);
        assertThat(Queries.byIds("SELECT alert_id, count(*) FROM action.actions WHERE alert_id = ANY(?) "
                + "AND action_type = 'open_ticket' GROUP BY alert_id", alerts)).as("tickets proposed")
                .hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
    }

    private static Map<String, Integer> statuses(List<String> alerts) throws SQLException {
        return Queries.byIds(
                "SELECT status, count(*) FROM reasoning.investigations WHERE alert_id = ANY(?) GROUP BY status",
                alerts);
    }

    /** Investigations queued again after an attempt found a peer unreachable. */
    private static int waitingForAPeer(List<String> alerts) throws SQLException {
        return Queries.byIds("SELECT 'waiting', count(*) FROM reasoning.investigations WHERE alert_id = ANY(?) "
                + "AND transient_failures > 0", alerts).getOrDefault("waiting", 0);
    }

    /** Running investigations with a lease, by id, with the attempt that holds it. */
    private static Map<String, Integer> leasesHeld(List<String> alerts) throws SQLException {
        return Queries.byIds("SELECT id::text, attempts FROM reasoning.investigations WHERE alert_id = ANY(?) "
                + "AND status = 'running' AND lease_owner IS NOT NULL", alerts);
    }

    private static Map<String, Integer> attemptsByInvestigation(List<String> alerts) throws SQLException {
        return Queries.byIds("SELECT id::text, attempts FROM reasoning.investigations WHERE alert_id = ANY(?)", alerts);
    }
}
