package dev.watchfloor.governance.testing;

import static io.restassured.RestAssured.given;

import dev.watchfloor.governance.policy.document.PolicyParser;

/** Policies for tests: small edits of the default policy, made active the way an admin does it. */
public final class TestPolicies {

    private TestPolicies() {
    }

    /** The default policy with {@code from} replaced by {@code to}; fails when {@code from} is not in it. */
    public static String defaultWith(String... fromTo) {
        String yaml = PolicyParser.defaultPolicyYaml();
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!yaml.contains(fromTo[i])) {
                throw new AssertionError("the default policy has no '" + fromTo[i] + "'");
            }
            yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
        }
        return yaml;
    }

    /** Makes the document the tenant's active policy; answers its version. */
    public static int activate(String tenant, String yaml) {
        return given().auth().oauth2(Identities.tenantAdmin(tenant)).contentType("application/yaml")
                .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/v1/policies").then().statusCode(200).extract().path("version");
    }
}
