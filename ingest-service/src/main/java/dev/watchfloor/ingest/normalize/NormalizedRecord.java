package dev.watchfloor.ingest.normalize;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One alert or event as stored: the client's JSON untouched, plus what Watchfloor derived from it, with its time as
 * read (UTC, the original text, and what was assumed).
 */
public record NormalizedRecord(String title, int severityId, String source, Timestamps.Read time,
        List<String> entities, String fingerprint, ObjectNode body) {

    public Instant observedAt() {
        return time.utc();
    }
}
