package dev.watchfloor.ingest.normalize.ocsf;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Timestamps;

/**
 * What a mapper may know beyond the record: when it was received, how times are read for its source, and whether it was
 * sent as an alert (to be investigated) or as an event (context).
 */
public record MapContext(Instant receivedAt, Timestamps times, boolean alert) {

    /** Reads a time value (a JSON scalar, or null when the record has none). */
    public Timestamps.Read time(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return times.read(null, false, receivedAt);
        }
        return times.read(value.asText(), value.isNumber(), receivedAt);
    }

    /** Reads a time written as text (null: none). */
    public Timestamps.Read time(String text) {
        return times.read(text, false, receivedAt);
    }
}
