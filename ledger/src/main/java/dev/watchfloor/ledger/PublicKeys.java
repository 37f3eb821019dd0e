package dev.watchfloor.ledger;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trusted checkpoint keys, by key id. Several, because keys rotate: checkpoints signed before a rotation keep
 * verifying as long as the old public key stays in the set.
 */
public record PublicKeys(Map<String, PublicKey> byKeyId) {

    public PublicKeys {
        byKeyId = Map.copyOf(byKeyId);
        byKeyId.values().forEach(Ed25519Keys::raw);
    }

    public static PublicKeys none() {
        return new PublicKeys(Map.of());
    }

    public static PublicKeys of(String keyId, PublicKey key) {
        return new PublicKeys(Map.of(keyId, key));
    }

    /** These keys and one more (replacing a key of the same id). */
    public PublicKeys with(String keyId, PublicKey key) {
        Map<String, PublicKey> keys = new HashMap<>(byKeyId);
        keys.put(keyId, key);
        return new PublicKeys(keys);
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    /** A JWK Set (RFC 7517): {@code {"keys":[jwk, ...]}}, sorted by key id. */
    public ObjectNode toJwkSet() {
        ObjectNode set = JsonNodeFactory.instance.objectNode();
        ArrayNode keys = set.putArray("keys");
        byKeyId.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> keys.add(new Jwk(e.getKey(), e.getValue()).toJson()));
        return set;
    }

    /** Reads a JWK Set; every key in it must be an Ed25519 JWK with a distinct kid. */
    public static PublicKeys fromJwkSet(String json) {
        JsonNode keys = StrictJson.parse(json).path("keys");
        if (!keys.isArray()) {
            throw new IllegalArgumentException("a JWK Set is an object with a keys array");
        }
        Map<String, PublicKey> byId = new HashMap<>();
        for (JsonNode node : keys) {
            Jwk jwk = Jwk.fromJson(node);
            if (byId.put(jwk.keyId(), jwk.key()) != null) {
                throw new IllegalArgumentException("the JWK Set has two keys with kid " + jwk.keyId());
            }
        }
        return new PublicKeys(byId);
    }
}
