package dev.watchfloor.governance.audit;

import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ledger.CheckpointSigner;
import dev.watchfloor.ledger.CheckpointVerifier;
import dev.watchfloor.ledger.Ed25519Keys;
import dev.watchfloor.ledger.PublicKeys;

/**
 * The Ed25519 keys that sign audit checkpoints. One is active; every key ever used stays trusted for verification, and
 * all public halves are published ({@code GET /v1/audit/keys}) so an auditor can pin them and verify an export offline.
 * Keys are shared by replicas through the database and cached here.
 */
@ApplicationScoped
public class CheckpointKeys {

    private final Pool pool;
    private volatile CheckpointSigner signer;
    private volatile java.time.Instant signerLoadedAt = java.time.Instant.MIN;
    private volatile CheckpointVerifier verifier;
    private volatile java.util.Set<String> verifierKeys = java.util.Set.of();

    public CheckpointKeys(Pool pool) {
        this.pool = pool;
    }

    /** Creates the first key when there is none (several replicas racing: the unique index keeps one). */
    public Uni<Void> ensureActive() {
        KeyPair pair = Ed25519Keys.generate();
        return pool.preparedQuery("INSERT INTO governance.checkpoint_keys (kid, private_key, public_key, created_at)"
                + " SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM governance.checkpoint_keys"
                + " WHERE retired_at IS NULL) ON CONFLICT DO NOTHING")
                .execute(Tuple.of("ckp-" + UUID.randomUUID(), Ed25519Keys.encodePrivate(pair.getPrivate()),
                        Ed25519Keys.encodePublic(pair.getPublic()), OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid().invoke(() -> signer = null);
    }

    /** Retires the active key and signs with a new one from now on; every key stays trusted. Answers the new id. */
    public Uni<String> rotate() {
        KeyPair pair = Ed25519Keys.generate();
        String kid = "ckp-" + UUID.randomUUID();
        return pool.withTransaction(conn -> conn
                .query("UPDATE governance.checkpoint_keys SET retired_at = now() WHERE retired_at IS NULL").execute()
                .chain(() -> conn.preparedQuery("INSERT INTO governance.checkpoint_keys (kid, private_key, "
                        + "public_key, created_at) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(kid, Ed25519Keys.encodePrivate(pair.getPrivate()),
                                Ed25519Keys.encodePublic(pair.getPublic()), OffsetDateTime.now(ZoneOffset.UTC)))))
                .invoke(() -> signer = null).replaceWith(kid);
    }

    /** The active key, re-read every minute so that every replica signs with a rotated key soon after. */
    public Uni<CheckpointSigner> signer() {
        CheckpointSigner current = signer;
        if (current != null && signerLoadedAt.isAfter(java.time.Instant.now().minusSeconds(60))) {
            return Uni.createFrom().item(current);
        }
        return pool.query("SELECT kid, private_key FROM governance.checkpoint_keys WHERE retired_at IS NULL")
                .execute().map(rows -> {
                    var row = rows.iterator().next();
                    CheckpointSigner loaded = new CheckpointSigner(row.getString("kid"),
                            Ed25519Keys.decodePrivate(row.getString("private_key")));
                    signer = loaded;
                    signerLoadedAt = java.time.Instant.now();
                    return loaded;
                });
    }

    /**
     * Trusts every checkpoint key governance has used, as the database has them now (a key rotated by another replica
     * included); the verifier, which remembers signatures it already checked, is kept while the set of keys is the
     * same.
     */
    public Uni<CheckpointVerifier> verifier() {
        return publicKeys().map(keys -> {
            CheckpointVerifier current = verifier;
            if (current != null && verifierKeys.equals(keys.byKeyId().keySet())) {
                return current;
            }
            CheckpointVerifier loaded = new CheckpointVerifier(keys);
            verifier = loaded;
            verifierKeys = java.util.Set.copyOf(keys.byKeyId().keySet());
            return loaded;
        });
    }

    public Uni<PublicKeys> publicKeys() {
        return pool.query("SELECT kid, public_key FROM governance.checkpoint_keys ORDER BY created_at").execute()
                .map(rows -> {
                    PublicKeys keys = PublicKeys.none();
                    for (var row : rows) {
                        keys = keys.with(row.getString("kid"), Ed25519Keys.decodePublic(row.getString("public_key")));
                    }
                    return keys;
                });
    }
}
