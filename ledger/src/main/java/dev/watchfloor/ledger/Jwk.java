package dev.watchfloor.ledger;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Ed25519 public key as a JSON Web Key (RFC 8037): {@code {"kty":"OKP","crv":"Ed25519","kid":...,"x":...}} with the
 * raw key in unpadded base64url. Governance publishes its checkpoint keys this way, so that anyone can verify an export
 * without trusting the service that produced it.
 */
public record Jwk(String keyId, PublicKey key) {

    public Jwk {
        Objects.requireNonNull(keyId, "keyId");
        Ed25519Keys.raw(Objects.requireNonNull(key, "key"));
    }

    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode()
                .put("kty", "OKP")
                .put("crv", "Ed25519")
                .put("kid", keyId)
                .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(Ed25519Keys.raw(key)));
    }

    /** The canonical (RFC 8785) text of {@link #toJson()}. */
    public String toJsonText() {
        return CanonicalJson.canonicalize(toJson());
    }

    /** Reads a JWK object; other members (alg, use) are allowed and ignored. */
    public static Jwk parse(String json) {
        return fromJson(StrictJson.parse(json));
    }

    public static Jwk fromJson(JsonNode jwk) {
        if (!jwk.isObject()) {
            throw new IllegalArgumentException("a JWK must be a JSON object");
        }
        if (!"OKP".equals(jwk.path("kty").textValue()) || !"Ed25519".equals(jwk.path("crv").textValue())) {
            throw new IllegalArgumentException("a JWK for Ed25519 has kty OKP and crv Ed25519");
        }
        String kid = jwk.path("kid").textValue();
        String x = jwk.path("x").textValue();
        if (kid == null || kid.isBlank() || x == null) {
            throw new IllegalArgumentException("a JWK needs kid and x");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a JWK's x must be base64url", e);
        }
        return new Jwk(kid, Ed25519Keys.fromRaw(raw));
    }
}
