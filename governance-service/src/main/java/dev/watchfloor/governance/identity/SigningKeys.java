package dev.watchfloor.governance.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Governance's token signing keys (RS256, 2048-bit). One key is active; {@link #rotate()} retires it and makes a new
 * one. Retired keys stay in the JWKS for one token lifetime plus a margin, so verifiers accept every token still valid.
 * Replicas share the keys through the database; the active key is cached here for 30 s.
 */
@ApplicationScoped
public class SigningKeys {

    static final String ALGORITHM = "RS256";
    private static final Duration CACHE = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final SigningKeyRepository repository;
    private final Duration tokenTtl;
    private final ObjectMapper json = new ObjectMapper();
    private volatile ActiveKey cached;

    /** The key to sign with now. */
    public record ActiveKey(String kid, PrivateKey key, Instant loadedAt) {
    }

    public SigningKeys(SigningKeyRepository repository, IdentityConfig config) {
        this.repository = repository;
        this.tokenTtl = config.tokenTtl();
    }

    /** Creates the first key when there is none. */
    @WithTransaction
    public Uni<Void> ensureActive() {
        return repository.active().chain(active -> active != null
                ? Uni.createFrom().voidItem()
                : repository.persist(generate()).replaceWithVoid());
    }

    /** Retires the active key and activates a new one; answers the new key id. */
    @WithTransaction
    public Uni<String> rotate() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return repository.active().chain(active -> {
            if (active != null) {
                active.retiredAt = now;
            }
            return repository.flush();
        }).chain(() -> repository.persist(generate())).map(created -> {
            cached = null;
            return created.kid;
        });
    }

    public Uni<ActiveKey> active() {
        ActiveKey current = cached;
        if (current != null && current.loadedAt().plus(CACHE).isAfter(Instant.now())) {
            return Uni.createFrom().item(current);
        }
        return repository.active().map(entity -> {
            if (entity == null) {
                throw new IllegalStateException("no active signing key");
            }
            ActiveKey loaded = new ActiveKey(entity.kid, privateKey(entity.privateKey), Instant.now());
            cached = loaded;
            return loaded;
        });
    }

    /** The public keys verifiers need, as a JWK set. */
    public Uni<JsonNode> jwks() {
        return repository.published(Instant.now().minus(tokenTtl).minus(MARGIN)).map(this::keySet);
    }

    private JsonNode keySet(List<SigningKeyEntity> keys) {
        ObjectNode set = json.createObjectNode();
        var array = set.putArray("keys");
        for (SigningKeyEntity k : keys) {
            try {
                array.add(json.readTree(k.publicJwk));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored JWK of key " + k.kid + " is not JSON", e);
            }
        }
        return set;
    }

    private SigningKeyEntity generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SigningKeyEntity entity = new SigningKeyEntity();
            entity.kid = UUID.randomUUID().toString();
            entity.algorithm = ALGORITHM;
            entity.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            entity.publicJwk = jwk(entity.kid, (RSAPublicKey) pair.getPublic());
            entity.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return entity;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private String jwk(String kid, RSAPublicKey key) {
        ObjectNode jwk = json.createObjectNode();
        jwk.put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", ALGORITHM)
                .put("n", base64Url(key.getModulus())).put("e", base64Url(key.getPublicExponent()));
        return jwk.toString();
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey privateKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key is not a PKCS#8 RSA key", e);
        }
    }
}
