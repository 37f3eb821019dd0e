package dev.watchfloor.governance.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Metadata;
import io.quarkus.grpc.GrpcClientUtils;

import dev.watchfloor.commons.security.MeshService;

/**
 * Real tokens from the governance under test, obtained the way clients obtain them: the platform admin's client
 * credentials (the test profile's secret) create tenants, tenant admins create principals, and each principal's
 * credentials are exchanged at {@code /v1/auth/token}. Tenants and principals are created once per test JVM.
 */
public final class Identities {

    public static final String PLATFORM_ADMIN_SECRET = "wfs_test-platform-admin-secret";

    private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> USER_TOKENS = new ConcurrentHashMap<>();

    private Identities() {
    }

    public static String token(String clientId, String secret) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when().post("/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    public static String platformAdmin() {
        return token("platform-admin", PLATFORM_ADMIN_SECRET);
    }

    /** A mesh service's token, with the secret the test profile gives it. */
    public static String service(MeshService service) {
        return token(service.clientId(), "wfs_test-" + service.clientId().replace("-service", ""));
    }

    /** The first admin of the tenant, creating the tenant on first use. */
    public static String tenantAdmin(String tenant) {
        return ADMIN_TOKENS.computeIfAbsent(tenant, t -> {
            var created = given().auth().oauth2(platformAdmin()).contentType("application/json")
                    .body(Map.of("id", t)).when().post("/v1/tenants").then().statusCode(201).extract().jsonPath();
            return token(created.getString("clientId"), created.getString("clientSecret"));
        });
    }

    /** A principal of the tenant with exactly these roles, created on first use. */
    public static String user(String tenant, String name, String... roles) {
        return USER_TOKENS.computeIfAbsent(tenant + "/" + name, key -> {
            var credentials = given().auth().oauth2(tenantAdmin(tenant)).contentType("application/json")
                    .body(Map.of("name", name, "roles", List.of(roles))).when().post("/v1/principals").then()
                    .statusCode(201).extract().jsonPath();
            return token(credentials.getString("clientId"), credentials.getString("clientSecret"));
        });
    }

    /** The gRPC client with the token attached to every call. */
    public static <T> T withToken(T client, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(client, headers);
    }
}
