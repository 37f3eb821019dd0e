package dev.watchfloor.ingest.normalize;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One alert or event as stored: the client's JSON untouched, plus what Watchfloor derived from it. */
public record NormalizedRecord(String title, int severityId, String source, Instant observedAt,
        List<String> entities, String fingerprint, ObjectNode body) {
}
