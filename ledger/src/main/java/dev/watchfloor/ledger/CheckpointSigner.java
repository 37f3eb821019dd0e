package dev.watchfloor.ledger;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/** Signs checkpoints with one Ed25519 private key, named by its key id. Thread-safe. */
public final class CheckpointSigner {

    private final String keyId;
    private final PrivateKey key;

    public CheckpointSigner(String keyId, PrivateKey key) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.key = Objects.requireNonNull(key, "key");
        if (!Ed25519Keys.ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("a checkpoint key is Ed25519, not " + key.getAlgorithm());
        }
    }

    public String keyId() {
        return keyId;
    }

    /** A checkpoint stating that the tenant's entry at {@code seq} has hash {@code headHash}. */
    public Checkpoint sign(String tenant, long seq, String headHash, String createdAt) {
        byte[] content = Checkpoint.signedContent(tenant, seq, headHash, createdAt, keyId);
        try {
            Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
            ed25519.initSign(key);
            ed25519.update(content);
            String signature = Base64.getEncoder().encodeToString(ed25519.sign());
            return new Checkpoint(tenant, seq, headHash, createdAt, keyId, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId, e);
        }
    }
}
