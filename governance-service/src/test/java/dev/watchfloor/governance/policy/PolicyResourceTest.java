package dev.watchfloor.governance.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.governance.policy.document.PolicyParser;
import dev.watchfloor.governance.testing.Identities;

@QuarkusTest
class PolicyResourceTest {

    private static String admin(String tenant) {
        return Identities.tenantAdmin(tenant);
    }

    private static String put(String tenant, String yaml) {
        return given().auth().oauth2(admin(tenant)).contentType("application/yaml")
                .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/v1/policies").then().statusCode(200).extract().asString();
    }

    @Test
    void aNewTenantRunsTheDefaultPolicyAsVersionZero() {
        given().auth().oauth2(admin("policy-default")).when().get("/v1/policies").then().statusCode(200)
                .body("version", equalTo(0)).body("name", equalTo("default"))
                .body("author", equalTo("watchfloor")).body("document", equalTo(PolicyParser.defaultPolicyYaml()));
        String yaml = given().auth().oauth2(admin("policy-default")).accept("application/yaml").when()
                .get("/v1/policies").then().statusCode(200).extract().asString();
        assertThat(yaml).isEqualTo(PolicyParser.defaultPolicyYaml());
    }

    @Test
    void aValidDocumentBecomesTheNextVersionWithAuthorHistoryDiffAndAuditEntry() {
        String tenant = "policy-versions";
        String changed = PolicyParser.defaultPolicyYaml().replace("monthlyUsd: 200", "monthlyUsd: 350");
        put(tenant, changed);

        given().auth().oauth2(admin(tenant)).when().get("/v1/policies").then().statusCode(200)
                .body("version", equalTo(1)).body("document", equalTo(changed))
                .body("author", startsWith("admin"));
        given().auth().oauth2(admin(tenant)).when().get("/v1/policies/history").then().statusCode(200)
                .body("", hasSize(2)).body("[0].version", equalTo(1)).body("[0].active", equalTo(true))
                .body("[0].diff", containsString("-      monthlyUsd: 200"))
                .body("[0].diff", containsString("+      monthlyUsd: 350")).body("[1].version", equalTo(0));
        given().auth().oauth2(admin(tenant)).queryParam("from", 0).queryParam("to", 1).when()
                .get("/v1/policies/diff").then().statusCode(200).body(containsString("@@"));
        given().auth().oauth2(admin(tenant)).queryParam("limit", 50).when().get("/v1/audit").then()
                .statusCode(200).body("items.eventType", hasItem("policy.changed"));
    }

    @Test
    void anInvalidDocumentIs400WithLineColumnAndRuleAndChangesNothing() {
        String tenant = "policy-invalid";
        String broken = PolicyParser.defaultPolicyYaml().replace("decision: deny", "decision: maybe");

        var problem = given().auth().oauth2(admin(tenant)).contentType("application/yaml")
                .body(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/v1/policies").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", containsString("policy-invalid")).extract().jsonPath();

        List<Map<String, Object>> violations = problem.getList("violations");
        assertThat(violations).isNotEmpty();
        int expectedLine = lineOf(broken, "decision: maybe");
        assertThat(violations.get(0)).containsEntry("rule", "enum").containsEntry("line", expectedLine)
                .containsEntry("column", broken.lines().toList().get(expectedLine - 1).indexOf("maybe") + 1);
        given().auth().oauth2(admin(tenant)).when().get("/v1/policies").then().body("version", equalTo(0));
    }

    @Test
    void onlyAdminsChangeThePolicyAndEveryTenantRoleReadsIt() {
        String analyst = Identities.user("policy-roles", "ana", "analyst");
        given().auth().oauth2(analyst).contentType("application/yaml")
                .body(PolicyParser.defaultPolicyYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/v1/policies").then().statusCode(403);
        given().auth().oauth2(analyst).when().get("/v1/policies/schema").then().statusCode(200)
                .body("$schema", containsString("2020-12"));
        given().when().get("/v1/policies").then().statusCode(401);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in document");
    }
}
