package dev.watchfloor.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tokens every endpoint must refuse, made the way an attacker or a clock would: one signed with governance's real key
 * (read from its table, as only someone with database access could) that has expired, and a valid token whose signature
 * was altered.
 */
final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Well formed, right issuer, audience, tenant and roles, signed with the active key; expired an hour ago. */
    static String expired(String tenant, String role) throws Exception {
        try (Connection sql = Mesh.get().sql();
                ResultSet key = sql.createStatement().executeQuery(
                        "SELECT kid, private_key FROM governance.signing_keys WHERE retired_at IS NULL")) {
            key.next();
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = Map.of("iss", Mesh.get().url("governance-service"), "aud", "watchfloor",
                    "sub", "mallory", "tenant", tenant, "roles", List.of(role), "iat", now - 7200, "exp",
                    now - 3600);
            return sign(key.getString("kid"), key.getString("private_key"), claims);
        }
    }

    /** The token with one character of its signature changed. */
    static String badSignature(String token) {
        int last = token.length() - 2;
        char c = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + c + token.substring(last + 1);
    }

    private static String sign(String kid, String pkcs8, Map<String, Object> claims) throws Exception {
        String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)));
        String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + B64.encodeToString(rsa.sign());
    }
}
