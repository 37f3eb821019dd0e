package dev.watchfloor.commons.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex. One implementation for every service, because some hashes must agree across them: an
 * approval is bound to the hash governance computes and action-service checks before it executes.
 */
public final class Hashing {

    private Hashing() {
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Looking a digest up costs more than hashing a short text: one per thread, reset by each digest. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of the parts one after the other. */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest sha = SHA_256.get();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }
}
