package dev.watchfloor.ingest.normalize;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One alert or event as stored: the OCSF event (with {@code unmapped}), the record's original text and wire format,
 * what was repaired while reading it, and what Watchfloor derived: title, severity, source, time as read (UTC, the
 * original text and what was assumed), entities, the fingerprint near duplicate alerts share (null for events, which
 * are not grouped) and the hash exact duplicates share ({@link Fingerprints}).
 */
public record NormalizedRecord(String title, int severityId, String source, Timestamps.Read time,
        List<String> entities, String fingerprint, String contentHash, List<String> groupKeys, ObjectNode body,
        String format, String raw,
        List<String> warnings) {

    public Instant observedAt() {
        return time.utc();
    }
}
