package dev.watchfloor.governance.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets. A secret is 256 random bits shown once; only a salted SHA-256 of it is stored. A slow
 * password hash buys nothing for secrets of that entropy (nobody can enumerate 2^256 guesses) and would cost a worker
 * thread on every token request.
 */
final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ClientSecrets() {
    }

    static String newClientId() {
        return "wfc_" + random(15);
    }

    static String newSecret() {
        return "wfs_" + random(32);
    }

    static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt) + ":" + HEX.formatHex(digest(salt, secret));
    }

    /** Constant-time comparison; false for a missing or malformed stored hash. */
    static boolean matches(String secret, String stored) {
        if (secret == null || stored == null || stored.indexOf(':') < 0) {
            return false;
        }
        String[] parts = stored.split(":", 2);
        try {
            byte[] expected = HEX.parseHex(parts[1]);
            return MessageDigest.isEqual(expected, digest(HEX.parseHex(parts[0]), secret));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
