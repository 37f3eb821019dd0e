package dev.watchfloor.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The fingerprint near-duplicate alerts share: same source, title and entities. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String source, String title, List<String> entities) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String canonical = source + '\n' + title + '\n' + String.join(",", entities);
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
