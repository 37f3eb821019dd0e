package dev.watchfloor.ledger;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A signed statement "tenant T's chain had headHash H at seq N". Hashes alone do not stop someone who can rewrite the
 * table from recomputing every hash after a change, or from deleting the newest entries; a checkpoint signed with a key
 * the database never sees does. {@code signature} is base64 Ed25519 over {@link #signedContent()}.
 */
public record Checkpoint(String tenant, long seq, String headHash, String createdAt, String keyId, String signature) {

    public Checkpoint {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The bytes that are signed: UTF-8 of the canonical JSON (RFC 8785) of
     * {@code {"createdAt","headHash","keyId","seq","tenant"}}. The key id is signed too, so a signature cannot be
     * passed off as made by another key.
     */
    public byte[] signedContent() {
        return signedContent(tenant, seq, headHash, createdAt, keyId);
    }

    static byte[] signedContent(String tenant, long seq, String headHash, String createdAt, String keyId) {
        ObjectNode content = JsonNodeFactory.instance.objectNode()
                .put("tenant", tenant)
                .put("seq", seq)
                .put("headHash", headHash)
                .put("createdAt", createdAt)
                .put("keyId", keyId);
        return CanonicalJson.utf8(content);
    }
}
