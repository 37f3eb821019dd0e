package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

import dev.watchfloor.launcher.ServiceSpec;

/** The public REST calls the e2e tests make, as a client of the mesh would. */
final class Api {

    private Api() {
    }

    static List<String> postAlerts(Object alerts) {
        return postAlerts(People.TENANT, alerts);
    }

    /** Posts alerts as the SIEM client of {@code tenant}. */
    static List<String> postAlerts(String tenant, Object alerts) {
        return post(tenant, "/v1/alerts", alerts);
    }

    static List<String> postEvents(Object events) {
        return post(People.TENANT, "/v1/events", events);
    }

    private static List<String> post(String tenant, String path, Object body) {
        return given().baseUri(url(ServiceSpec.INGEST)).auth().oauth2(People.token(tenant, People.SIEM))
                .contentType("application/json").body(body)
                .when().post(path).then().statusCode(202).extract().jsonPath().getList("results.id", String.class);
    }

    /** Waits until the alert's investigation has completed and returns its summary. */
    static Map<String, Object> awaitCompleted(String alertId, Duration timeout) {
        return awaitCompleted(People.TENANT, alertId, timeout);
    }

    static Map<String, Object> awaitCompleted(String tenant, String alertId, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> items = given().baseUri(url(ServiceSpec.REASONING)).auth()
                    .oauth2(People.token(tenant, People.ANALYST))
                    .queryParam("alertId", alertId).when().get("/v1/investigations").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            return items.isEmpty() ? null : items.get(0);
        }, summary -> summary != null && "completed".equals(summary.get("status")));
    }

    static JsonPath investigation(String id) {
        return investigation(People.TENANT, id);
    }

    static JsonPath investigation(String tenant, String id) {
        return given().baseUri(url(ServiceSpec.REASONING)).auth().oauth2(People.token(tenant, People.ANALYST))
                .when()
                .get("/v1/investigations/{id}", id).then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath auditOf(String alertId) {
        return given().baseUri(url(ServiceSpec.GOVERNANCE)).auth().oauth2(People.token(People.AUDITOR))
                .queryParam("alertId", alertId).when()
                .get("/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    static String url(String service) {
        return Mesh.get().url(service);
    }
}
