package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.path.json.JsonPath;

import dev.watchfloor.launcher.MeshCredentials;
import dev.watchfloor.launcher.ServiceSpec;

/**
 * The people of the e2e tenants, provisioned through the public API as an operator would: the platform admin (whose
 * credentials the launcher provisioned) creates a tenant, its admin creates principals, each principal's client
 * credentials are exchanged for a token at governance. Created once per run.
 */
final class People {

    static final String TENANT = "e2e";
    static final String OTHER_TENANT = "e2e-other";

    /** Submits alerts (api-client). */
    static final String SIEM = "siem";
    /** Reads investigations and actions (analyst). */
    static final String ANALYST = "ana";
    /** Decides approvals (approver). */
    static final String APPROVER = "alice";
    /** Reads and verifies the audit ledger (auditor). */
    static final String AUDITOR = "audrey";
    static final String ADMIN = "admin";

    private static final Map<String, String> ROLES = Map.of(SIEM, "api-client", ANALYST, "analyst", APPROVER,
            "approver", AUDITOR, "auditor");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private People() {
    }

    /** A token of the named person of {@link #TENANT}. */
    static String token(String person) {
        return token(TENANT, person);
    }

    static synchronized String token(String tenant, String person) {
        return TOKENS.computeIfAbsent(tenant + "/" + person, key -> {
            JsonPath admin = tenantAdmin(tenant);
            if (ADMIN.equals(person)) {
                return exchange(admin.getString("clientId"), admin.getString("clientSecret"));
            }
            JsonPath created = given().baseUri(governance()).auth().oauth2(token(tenant, ADMIN))
                    .contentType("application/json")
                    .body(Map.of("name", person, "roles", List.of(ROLES.get(person))))
                    .when().post("/v1/principals").then().statusCode(201).extract().jsonPath();
            return exchange(created.getString("clientId"), created.getString("clientSecret"));
        });
    }

    static String platformAdmin() {
        MeshCredentials credentials = Mesh.get().credentials();
        return exchange(MeshCredentials.ADMIN_CLIENT_ID, credentials.adminSecret());
    }

    static String exchange(String clientId, String secret) {
        return given().baseUri(governance()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).when().post("/v1/auth/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static final Map<String, JsonPath> ADMINS = new ConcurrentHashMap<>();

    private static JsonPath tenantAdmin(String tenant) {
        return ADMINS.computeIfAbsent(tenant, t -> given().baseUri(governance()).auth().oauth2(platformAdmin())
                .contentType("application/json").body(Map.of("id", t)).when().post("/v1/tenants").then()
                .statusCode(201).extract().jsonPath());
    }

    private static String governance() {
        return Mesh.get().url(ServiceSpec.GOVERNANCE);
    }
}
