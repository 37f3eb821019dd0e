package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.specification.RequestSpecification;

import dev.watchfloor.launcher.ServiceSpec;

/**
 * The mesh trusts a real external OIDC issuer beside governance: a Keycloak realm whose clients carry the tenant in a
 * hardcoded {@code tenant} claim and their roles as realm roles ({@code realm_access.roles}). Its tokens work with
 * exactly the tenant roles they hold, in the tenant they name; another realm's tokens are not trusted, and no external
 * token can make its holder a platform admin or a mesh service.
 */
@ExtendWith(Mesh.class)
class ExternalIssuerTest {

    private static final String OTHER_REALM = "elsewhere";
    private static final List<String> REALM_ROLES = List.of("analyst", "api-client", "auditor", "platform-admin",
            "mesh-service");

    private static Keycloak keycloak;
    private static Keycloak.Client analyst;
    private static Keycloak.Client siem;
    private static Keycloak.Client auditor;
    private static Keycloak.Client overreaching;
    private static Keycloak.Client otherRealmAnalyst;

    @BeforeAll
    static void startKeycloakWithTwoRealms() throws Exception {
        keycloak = Keycloak.start(Mesh.get().keycloakPort());
        KeycloakAdmin admin = keycloak.admin();
        admin.createRealm(Mesh.EXTERNAL_REALM, REALM_ROLES);
        admin.createRealm(OTHER_REALM, REALM_ROLES);
        analyst = admin.createClient(Mesh.EXTERNAL_REALM, "soc-dashboard", People.TENANT, "analyst");
        siem = admin.createClient(Mesh.EXTERNAL_REALM, "siem-forwarder", People.TENANT, "api-client");
        auditor = admin.createClient(Mesh.EXTERNAL_REALM, "compliance-export", People.TENANT, "auditor");
        overreaching = admin.createClient(Mesh.EXTERNAL_REALM, "overreaching-tool", People.TENANT, "analyst",
                "platform-admin", "mesh-service");
        otherRealmAnalyst = admin.createClient(OTHER_REALM, "soc-dashboard", People.TENANT, "analyst");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void analystTokenOfTheExternalIssuerReadsItsTenantsInvestigationsOnly() {
        String ours = postAlert(People.token(People.SIEM), alert("ws-kc-ours"));
        String theirs = postAlert(People.token(People.OTHER_TENANT, People.SIEM), alert("ws-kc-theirs"));
        awaitInvestigationOf(ours, People.token(People.ANALYST));
        awaitInvestigationOf(theirs, People.token(People.OTHER_TENANT, People.ANALYST));

        String token = keycloak.token(analyst);

        assertThat(investigationsOf(ours, token)).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("alertId", ours));
        assertThat(investigationsOf(theirs, token)).isEmpty();
    }

    @Test
    void apiClientTokenOfTheExternalIssuerSubmitsAlertsIntoItsTenant() {
        String alertId = postAlert(keycloak.token(siem), alert("ws-kc-submitted"));

        awaitInvestigationOf(alertId, People.token(People.ANALYST));
        assertThat(investigationsOf(alertId, People.token(People.OTHER_TENANT, People.ANALYST))).isEmpty();
    }

    @Test
    void externalTokenWithoutARoleTheEndpointNeedsIsForbidden() {
        as(ServiceSpec.INGEST, keycloak.token(auditor)).body(alert("ws-kc-auditor")).when().post("/v1/alerts")
                .then().statusCode(403);
        as(ServiceSpec.REASONING, keycloak.token(siem)).when().get("/v1/investigations").then().statusCode(403);
    }

    @Test
    void tokenOfAnotherRealmOfTheSameKeycloakIsUnauthorized() {
        String token = keycloak.token(otherRealmAnalyst);

        as(ServiceSpec.REASONING, token).when().get("/v1/investigations").then().statusCode(401);
        as(ServiceSpec.INGEST, token).body(alert("ws-kc-elsewhere")).when().post("/v1/alerts").then()
                .statusCode(401);
    }

    @Test
    void platformAdminAndMeshServiceRolesOfAnExternalTokenAreDroppedSoItCannotCreateTenants() {
        String token = keycloak.token(overreaching);

        // the token itself is accepted: its tenant role still reads the tenant's investigations
        as(ServiceSpec.REASONING, token).when().get("/v1/investigations").then().statusCode(200);
        as(ServiceSpec.GOVERNANCE, token).body(Map.of("id", "kc-" + UUID.randomUUID().toString().substring(0, 8)))
                .when().post("/v1/tenants").then().statusCode(403);
    }

    private static Map<String, Object> alert(String host) {
        return Map.of("title", "Suspicious PowerShell download cradle", "severity", "high", "host", host, "user",
                "k.cloak", "technique", "T1059.001");
    }

    private static String postAlert(String token, Map<String, Object> alert) {
        return as(ServiceSpec.INGEST, token).body(alert).when().post("/v1/alerts").then().statusCode(202)
                .extract().jsonPath().getList("results.id", String.class).get(0);
    }

    private static List<Map<String, Object>> investigationsOf(String alertId, String token) {
        return as(ServiceSpec.REASONING, token).queryParam("alertId", alertId).when().get("/v1/investigations")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static void awaitInvestigationOf(String alertId, String token) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> investigationsOf(alertId, token), items -> !items.isEmpty());
    }

    private static RequestSpecification as(String service, String token) {
        return given().baseUri(Api.url(service)).auth().oauth2(token).contentType("application/json");
    }
}
