package dev.watchfloor.ledger;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks checkpoint signatures against a fixed set of trusted keys. Ed25519 verification costs about 1.5 ms in the JDK,
 * so the verifier remembers the last checkpoints it found valid, exactly as they were (every member and the signature):
 * verifying the same chain again, as a periodic check does, then pays only for new checkpoints. Keep one instance per
 * set of keys. Thread-safe.
 */
public final class CheckpointVerifier {

    private static final int REMEMBERED = 4096;

    private final PublicKeys keys;
    private final Set<Checkpoint> valid = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {

                @Override
                protected boolean removeEldestEntry(Map.Entry<Checkpoint, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public CheckpointVerifier(PublicKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public PublicKeys keys() {
        return keys;
    }

    public SignatureCheck check(Checkpoint checkpoint) {
        Optional<PublicKey> key = keys.find(checkpoint.keyId());
        if (key.isEmpty()) {
            return SignatureCheck.UNKNOWN_KEY;
        }
        if (valid.contains(checkpoint)) {
            return SignatureCheck.VALID;
        }
        if (!verify(checkpoint, key.get())) {
            return SignatureCheck.BAD_SIGNATURE;
        }
        valid.add(checkpoint);
        return SignatureCheck.VALID;
    }

    private static boolean verify(Checkpoint checkpoint, PublicKey key) {
        try {
            byte[] signature = Base64.getDecoder().decode(checkpoint.signature());
            if (!Base64.getEncoder().encodeToString(signature).equals(checkpoint.signature())) {
                return false; // other spellings of the same bytes are not this signature
            }
            Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
            ed25519.initVerify(key);
            ed25519.update(checkpoint.signedContent());
            return ed25519.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
