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
        return post("/v1/alerts", alerts);
    }

    static List<String> postEvents(Object events) {
        return post("/v1/events", events);
    }

    private static List<String> post(String path, Object body) {
        return given().baseUri(url(ServiceSpec.INGEST)).auth().oauth2(People.token(People.SIEM))
                .contentType("application/json").body(body)
                .when().post(path).then().statusCode(202).extract().jsonPath().getList("results.id", String.class);
    }

    /** Waits until the alert's investigation has completed and returns its summary. */
    static Map<String, Object> awaitCompleted(String alertId, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> items = given().baseUri(url(ServiceSpec.REASONING)).auth()
                    .oauth2(People.token(People.ANALYST))
                    .queryParam("alertId", alertId).when().get("/v1/investigations").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            return items.isEmpty() ? null : items.get(0);
        }, summary -> summary != null && "completed".equals(summary.get("status")));
    }

    static JsonPath investigation(String id) {
        return given().baseUri(url(ServiceSpec.REASONING)).auth().oauth2(People.token(People.ANALYST)).when()
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
