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
    private volatile CheckpointVerifier verifier;

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
                .replaceWithVoid().invoke(() -> {
                    signer = null;
                    verifier = null;
                });
    }

    public Uni<CheckpointSigner> signer() {
        CheckpointSigner current = signer;
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        return pool.query("SELECT kid, private_key FROM governance.checkpoint_keys WHERE retired_at IS NULL")
                .execute().map(rows -> {
                    var row = rows.iterator().next();
                    CheckpointSigner loaded = new CheckpointSigner(row.getString("kid"),
                            Ed25519Keys.decodePrivate(row.getString("private_key")));
                    signer = loaded;
                    return loaded;
                });
    }

    /** Trusts every checkpoint key governance has used. */
    public Uni<CheckpointVerifier> verifier() {
        CheckpointVerifier current = verifier;
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        return publicKeys().map(keys -> {
            CheckpointVerifier loaded = new CheckpointVerifier(keys);
            verifier = loaded;
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
