package dev.watchfloor.commons.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.security.Roles;

/**
 * Bearer tokens for the services' tests, signed with the test key whose public half the test profile trusts
 * ({@code %test.quarkus.oidc.public-key} in commons' shared configuration). Also makes the tokens every endpoint must
 * refuse: expired, signed by a foreign key, of another issuer.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.watchfloor.dev";
    public static final String TENANT = "acme";
    public static final String OTHER_TENANT = "globex";

    private static final PrivateKey KEY = load("testing/test-signing-key.pem");
    private static final PrivateKey FOREIGN_KEY = load("testing/foreign-signing-key.pem");

    private TestTokens() {
    }

    /** A principal of tenant {@link #TENANT} with these roles. */
    public static String user(String name, String... roles) {
        return of(TENANT, name, roles);
    }

    public static String of(String tenant, String name, String... roles) {
        return sign(ISSUER, tenant, name, Set.of(roles), Instant.now().plusSeconds(600), KEY);
    }

    /** A mesh service's own token (no tenant, role {@code mesh-service}). */
    public static String service(MeshService service) {
        return sign(ISSUER, null, service.clientId(), Set.of(Roles.MESH_SERVICE), Instant.now().plusSeconds(600),
                KEY);
    }

    /** A principal of tenant {@link #TENANT} whose token expires at that instant. */
    public static String expiringAt(Instant expires, String name, String... roles) {
        return sign(ISSUER, TENANT, name, Set.of(roles), expires, KEY);
    }

    public static String expired(String name, String... roles) {
        return sign(ISSUER, TENANT, name, Set.of(roles), Instant.now().minusSeconds(3600), KEY);
    }

    public static String badSignature(String name, String... roles) {
        return sign(ISSUER, TENANT, name, Set.of(roles), Instant.now().plusSeconds(600), FOREIGN_KEY);
    }

    public static String otherIssuer(String name, String... roles) {
        return sign("https://evil.example", TENANT, name, Set.of(roles), Instant.now().plusSeconds(600), KEY);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(String issuer, String tenant, String name, Set<String> roles, Instant expires,
            PrivateKey key) {
        var claims = Jwt.issuer(issuer).subject(name).audience("watchfloor").claim("roles", roles)
                .issuedAt(expires.minusSeconds(900)).expiresAt(expires);
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims.jws().keyId("test").sign(key);
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("test signing key " + resource + " not readable", e);
        }
    }
}
