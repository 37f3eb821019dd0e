package dev.watchfloor.context.store;

import java.time.Instant;
import java.util.List;

/** An alert or event as the evidence store holds it. */
public record StoredRecord(String id, boolean alert, String summary, Instant observedAt, List<String> entities,
        String bodyJson) {
}
