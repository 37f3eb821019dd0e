package dev.watchfloor.ingest.normalize;

import java.util.HexFormat;
import java.util.List;

import dev.watchfloor.commons.util.Hashing;

/**
 * The two hashes dedup and grouping use (first 128 bits of SHA-256, hex):
 * <ul>
 * <li>{@link #group}: what near duplicates share — the source, the detection (the analytic's name, else the title) and
 * the entities;</li>
 * <li>{@link #content}: exact duplicates — the same source and the same record text as read.</li>
 * </ul>
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    static String group(String source, String detection, List<String> entities) {
        String canonical = source + '\n' + detection + '\n' + String.join(",", entities);
        return hex(canonical);
    }

    /**
     * Exact duplicates: the same source and the same record text as read (an item of an array or envelope is
     * re-serialized by the reader, so the spacing between its values does not matter). Canonicalizing the whole OCSF
     * event instead cost a sixth of normalization, and a retried record is sent as the same text.
     */
    static String content(String source, String raw) {
        return hex(source + '\n' + (raw == null ? "" : raw.strip()));
    }

    private static String hex(String canonical) {
        return HexFormat.of().formatHex(Hashing.sha256(canonical), 0, 16);
    }
}
