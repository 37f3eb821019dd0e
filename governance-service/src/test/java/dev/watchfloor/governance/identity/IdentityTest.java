package dev.watchfloor.governance.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.governance.testing.Identities;

@QuarkusTest
class IdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TENANT = "identity-test";

    @Inject
    Pool pool;

    @Test
    void clientCredentialsAnswerASignedTokenWithTenantAndRoles() {
        JsonPath created = newPrincipal("siem-1", "api-client");

        var answer = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", created.getString("clientId"))
                .formParam("client_secret", created.getString("clientSecret"))
                .when().post("/v1/auth/token").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .extract().jsonPath();

        JsonPath claims = claims(answer.getString("access_token"));
        assertThat(claims.getString("iss")).isEqualTo("http://127.0.0.1:18085");
        assertThat(claims.getString("sub")).startsWith("siem-1-");
        assertThat(claims.getString("tenant")).isEqualTo(TENANT);
        assertThat(claims.getList("roles")).containsExactly("api-client");
        assertThat(claims.getString("aud")).isEqualTo("watchfloor");
    }

    @Test
    void httpBasicClientAuthenticationWorksToo() {
        JsonPath created = newPrincipal("basic-1", "analyst");
        String basic = Base64.getEncoder().encodeToString((created.getString("clientId") + ":"
                + created.getString("clientSecret")).getBytes(StandardCharsets.UTF_8));

        given().header("Authorization", "Basic " + basic).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").when().post("/v1/auth/token").then()
                .statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void badTokenRequestsAnswerOAuthErrors() {
        JsonPath created = newPrincipal("wrong-1", "analyst");
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", created.getString("clientId")).formParam("client_secret", "wfs_guess")
                .when().post("/v1/auth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").formParam("client_id", "x")
                .when().post("/v1/auth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .when().post("/v1/auth/token").then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "wfc_nobody").formParam("client_secret", "x")
                .when().post("/v1/auth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void secretsAreStoredOnlyAsSaltedHashes() {
        JsonPath created = newPrincipal("hashed-1", "auditor");
        String stored = pool.preparedQuery("SELECT secret_hash FROM governance.principals WHERE client_id = $1")
                .execute(Tuple.of(created.getString("clientId"))).await().atMost(WAIT).iterator().next()
                .getString("secret_hash");

        assertThat(stored).doesNotContain(created.getString("clientSecret")).matches("[0-9a-f]{32}:[0-9a-f]{64}");
        given().auth().oauth2(Identities.tenantAdmin(TENANT)).when()
                .get("/v1/principals/{id}", created.getString("principal.id")).then().statusCode(200)
                .body("clientSecret", equalTo(null)).body("name", org.hamcrest.Matchers.startsWith("hashed-1-"));
    }

    @Test
    void aDisabledPrincipalGetsNoTokenAndARotatedSecretReplacesTheOldOne() {
        JsonPath created = newPrincipal("rotated-1", "analyst");
        String id = created.getString("principal.id");
        JsonPath rotated = given().auth().oauth2(Identities.tenantAdmin(TENANT)).when()
                .post("/v1/principals/{id}/secret", id).then().statusCode(200).extract().jsonPath();

        assertThat(tokenStatus(created.getString("clientId"), created.getString("clientSecret"))).isEqualTo(401);
        assertThat(tokenStatus(rotated.getString("clientId"), rotated.getString("clientSecret"))).isEqualTo(200);

        given().auth().oauth2(Identities.tenantAdmin(TENANT)).when().delete("/v1/principals/{id}", id).then()
                .statusCode(200).body("disabled", equalTo(true));
        assertThat(tokenStatus(rotated.getString("clientId"), rotated.getString("clientSecret"))).isEqualTo(401);
    }

    @Test
    void tenantAdminsGrantOnlyTenantRolesAndSeeOnlyTheirTenant() {
        String admin = Identities.tenantAdmin(TENANT);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "sneaky", "roles", List.of("platform-admin"))).when().post("/v1/principals")
                .then().statusCode(400).body("type", equalTo("https://watchfloor.dev/problems/invalid-roles"));
        String foreignId = given().auth().oauth2(Identities.tenantAdmin("identity-other")).when()
                .get("/v1/principals").then().statusCode(200).extract().path("items[0].id");

        given().auth().oauth2(admin).when().get("/v1/principals/{id}", foreignId).then().statusCode(404);
        given().auth().oauth2(admin).when().delete("/v1/principals/{id}", foreignId).then().statusCode(404);
        given().auth().oauth2(admin).when().get("/v1/principals").then().statusCode(200)
                .body("items.tenant", org.hamcrest.Matchers.everyItem(equalTo(TENANT)));
    }

    @Test
    void tenantsAreCreatedOnceByThePlatformAdminWithValidIds() {
        String platform = Identities.platformAdmin();
        Identities.tenantAdmin("identity-dup");
        given().auth().oauth2(platform).contentType("application/json").body(Map.of("id", "identity-dup"))
                .when().post("/v1/tenants").then().statusCode(409);
        given().auth().oauth2(platform).contentType("application/json").body(Map.of("id", "Bad Name!"))
                .when().post("/v1/tenants").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(Identities.tenantAdmin(TENANT)).contentType("application/json")
                .body(Map.of("id", "identity-nope")).when().post("/v1/tenants").then().statusCode(403);
    }

    @Test
    void discoveryAndKeysArePublishedAndRotationKeepsOldTokensValid() {
        given().when().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo("http://127.0.0.1:18085"))
                .body("jwks_uri", equalTo("http://127.0.0.1:18085/.well-known/jwks.json"))
                .body("token_endpoint", equalTo("http://127.0.0.1:18085/v1/auth/token"))
                .body("grant_types_supported", hasItem("client_credentials"));
        String before = Identities.user(TENANT, "reader-1", "auditor");
        int keysBefore = given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).extract().jsonPath().getList("keys").size();

        String kid = given().auth().oauth2(Identities.platformAdmin()).when().post("/v1/auth/keys/rotate").then()
                .statusCode(200).extract().path("kid");

        given().when().get("/.well-known/jwks.json").then().body("keys", hasSize(keysBefore + 1))
                .body("keys.kid", hasItem(kid));
        given().auth().oauth2(before).when().get("/v1/audit/verify").then().statusCode(200);
        String after = Identities.token(newPrincipal("reader-2", "auditor").getString("clientId"),
                newPrincipalSecret);
        assertThat(claimsHeader(after).getString("kid")).isEqualTo(kid);
        given().auth().oauth2(after).when().get("/v1/audit/verify").then().statusCode(200);
    }

    private String newPrincipalSecret;

    private JsonPath newPrincipal(String name, String role) {
        JsonPath created = given().auth().oauth2(Identities.tenantAdmin(TENANT)).contentType("application/json")
                .body(Map.of("name", name + "-" + System.nanoTime(), "roles", List.of(role))).when()
                .post("/v1/principals").then().statusCode(201).extract().jsonPath();
        newPrincipalSecret = created.getString("clientSecret");
        return created;
    }

    private static int tokenStatus(String clientId, String secret) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).when().post("/v1/auth/token")
                .then().extract().statusCode();
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonPath claimsHeader(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }
}
