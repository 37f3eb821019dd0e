package dev.watchfloor.ingest.normalize;

import java.util.HexFormat;
import java.util.List;

import dev.watchfloor.commons.util.Hashing;

/** The fingerprint near-duplicates share: same source, title and entities (first 128 bits of SHA-256, hex). */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String source, String title, List<String> entities) {
        String canonical = source + '\n' + title + '\n' + String.join(",", entities);
        return HexFormat.of().formatHex(Hashing.sha256(canonical), 0, 16);
    }
}
