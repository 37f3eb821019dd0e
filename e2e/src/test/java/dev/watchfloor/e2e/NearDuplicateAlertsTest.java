package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

import dev.watchfloor.launcher.ServiceSpec;

/**
 * Near duplicates (same source, detection and entities within ingest's group window) start one investigation, and that
 * investigation shows them: the leader's view counts and lists the alerts that joined after it ran, each one fetchable
 * from ingest, none investigated on its own; a rerun sees the group as evidence instead of the copies.
 */
@ExtendWith(Mesh.class)
class NearDuplicateAlertsTest {

    @Test
    void nearDuplicatesJoinTheLeadersInvestigationWhichListsThemAsMembers() {
        String host = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        String leader = Api.postAlerts(alert(host, "2026-11-20T10:00:00Z")).get(0);
        Map<String, Object> summary = Api.awaitCompleted(leader, Duration.ofSeconds(60));
        String investigationId = (String) summary.get("id");

        List<Map<String, Object>> later = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            later.add(alert(host, "2026-11-20T10:0" + i + ":00Z"));
        }
        List<Map<String, Object>> results = postForResults(later);
        List<String> members = results.stream().map(r -> (String) r.get("id")).toList();

        assertThat(results).extracting(r -> r.get("status")).containsOnly("grouped");
        assertThat(results).extracting(r -> r.get("leader")).containsOnly(leader);
        JsonPath view = Api.investigation(investigationId);
        assertThat(view.getString("groupError")).isNull();
        assertThat(view.getInt("group.members")).isEqualTo(4);
        assertThat(view.getString("group.leaderAlertId")).isEqualTo(leader);
        assertThat(view.getString("group.id")).isEqualTo(results.get(0).get("group"));
        assertThat(view.getList("group.memberAlertIds", String.class)).containsExactly(leader, members.get(0),
                members.get(1), members.get(2));
        assertThat(view.getString("group.firstSeen")).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(view.getString("group.lastSeen")).isEqualTo("2026-11-20T10:03:00Z");
        assertThat(view.getList("group.keys", String.class)).contains("host:" + host)
                .anySatisfy(k -> assertThat(k).startsWith("detection:Suspicious LSASS access"));
        for (String member : members) {
            assertThat(investigationsOf(member)).as("a member is not investigated on its own").isEmpty();
            assertThat(given().baseUri(Api.url(ServiceSpec.INGEST)).auth().oauth2(People.token(People.ANALYST))
                    .when().get("/v1/alerts/{id}", member).then().statusCode(200).extract().jsonPath()
                    .getString("group.id")).isEqualTo(view.getString("group.id"));
        }

        given().baseUri(Api.url(ServiceSpec.REASONING)).auth().oauth2(People.token(People.ADMIN)).when()
                .post("/v1/investigations/{id}/rerun", investigationId).then().statusCode(200);
        JsonPath rerun = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> Api.investigation(investigationId),
                        v -> "completed".equals(v.getString("status"))
                                && v.getList("evidence.kind", String.class).contains("alert_group"));
        assertThat(rerun.getString("evidence[1].kind")).isEqualTo("alert_group");
        assertThat(rerun.getString("evidence[1].summary")).startsWith("4 alerts");
        assertThat(rerun.getList("evidence.sourceIds.flatten()", String.class)).containsAll(members);
        assertThat(rerun.getList("evidence.findAll { it.kind == 'alert' }.sourceIds.flatten()", String.class))
                .as("the copies are counted by the group item, not shown one by one").doesNotContainAnyElementsOf(
                        members);
    }

    private static Map<String, Object> alert(String host, String time) {
        return Map.of("title", "Suspicious LSASS access", "severity", "medium", "source", "edr", "host", host,
                "time", time);
    }

    private static List<Map<String, Object>> postForResults(Object alerts) {
        return given().baseUri(Api.url(ServiceSpec.INGEST)).auth().oauth2(People.token(People.SIEM))
                .contentType("application/json").body(alerts).when().post("/v1/alerts").then().statusCode(202)
                .extract().jsonPath().getList("results");
    }

    private static List<Object> investigationsOf(String alertId) {
        return given().baseUri(Api.url(ServiceSpec.REASONING)).auth().oauth2(People.token(People.ANALYST))
                .queryParam("alertId", alertId).when().get("/v1/investigations").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
