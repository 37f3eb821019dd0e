package dev.watchfloor.ingest.normalize.vendor.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Reads a CrowdStrike record's fields under {@code base} (the record itself, or {@code event.} / {@code
 * unknown_payload.} when a collector nests it), falling back to the top level.
 */
final class CrowdStrikeFields {

    private final Source in;
    private final String base;

    CrowdStrikeFields(Source in, String base) {
        this.in = in;
        this.base = base;
    }

    String t(String name) {
        return base.isEmpty() ? in.text(name) : in.text(base + name, name);
    }

    String t(String... names) {
        for (String name : names) {
            String value = t(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    JsonNode node(String... names) {
        for (String name : names) {
            for (String path : base.isEmpty() ? new String[]{name} : new String[]{base + name, name}) {
                JsonNode value = in.peek(path);
                if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                    return in.node(path);
                }
            }
        }
        return null;
    }
}
