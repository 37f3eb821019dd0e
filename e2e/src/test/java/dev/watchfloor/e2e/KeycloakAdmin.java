package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.common.mapper.TypeRef;
import io.restassured.specification.RequestSpecification;

/**
 * Keycloak's admin REST API as the e2e tests use it, signed in as the bootstrap admin of the master realm (admin-cli,
 * password grant): realms with realm roles, and confidential clients whose client-credentials tokens carry a fixed
 * {@code tenant} claim and realm roles in {@code realm_access.roles}.
 */
final class KeycloakAdmin {

    private final String url;
    private final String token;

    /** With an access token of the master realm's admin; it lives a minute, so sign in again for later work. */
    KeycloakAdmin(String url, String token) {
        this.url = url;
        this.token = token;
    }

    void createRealm(String realm, List<String> realmRoles) {
        List<Map<String, String>> roles = realmRoles.stream().map(role -> Map.of("name", role)).toList();
        admin().body(Map.of("realm", realm, "enabled", true, "roles", Map.of("realm", roles)))
                .when().post("/admin/realms").then().statusCode(201);
    }

    /** A client with a service account (client-credentials grant) holding the realm roles, in the tenant. */
    Keycloak.Client createClient(String realm, String clientId, String tenant, String... realmRoles) {
        String secret = UUID.randomUUID().toString();
        String location = admin().body(clientRepresentation(clientId, secret, tenant))
                .when().post("/admin/realms/{realm}/clients", realm).then().statusCode(201).extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String serviceAccount = admin().when()
                .get("/admin/realms/{realm}/clients/{id}/service-account-user", realm, id).then().statusCode(200)
                .extract().path("id");
        List<Map<String, Object>> roles = List.of(realmRoles).stream().map(role -> admin().when()
                .get("/admin/realms/{realm}/roles/{role}", realm, role).then().statusCode(200).extract()
                .as(new TypeRef<Map<String, Object>>() {
                })).toList();
        admin().body(roles).when()
                .post("/admin/realms/{realm}/users/{user}/role-mappings/realm", realm, serviceAccount).then()
                .statusCode(204);
        return new Keycloak.Client(realm, clientId, secret);
    }

    private static Map<String, Object> clientRepresentation(String clientId, String secret, String tenant) {
        Map<String, Object> tenantClaim = Map.of("name", "tenant", "protocol", "openid-connect", "protocolMapper",
                "oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", "tenant", "claim.value", tenant,
                        "jsonType.label", "String", "access.token.claim", "true"));
        return Map.of("clientId", clientId, "secret", secret, "publicClient", false, "serviceAccountsEnabled", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false, "protocolMappers",
                List.of(tenantClaim));
    }

    private RequestSpecification admin() {
        return given().baseUri(url).auth().oauth2(token).contentType("application/json");
    }
}
