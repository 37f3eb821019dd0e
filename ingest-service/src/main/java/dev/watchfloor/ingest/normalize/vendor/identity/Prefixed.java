package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * A {@link Source} read below a path ({@code detail.findings.0.} of an EventBridge event), so one mapper reads a record
 * and its wrapped form alike.
 */
public record Prefixed(Source in, String prefix) {

    public String text(String... paths) {
        return in.text(Arrays.stream(paths).map(p -> prefix + p).toArray(String[]::new));
    }

    public JsonNode node(String path) {
        return in.node(prefix + path);
    }

    public JsonNode peek(String path) {
        return in.peek(prefix + path);
    }

    public String peekText(String path) {
        return in.peekText(prefix + path);
    }

    public void use(String... paths) {
        in.use(Arrays.stream(paths).map(p -> prefix + p).toArray(String[]::new));
    }

    /** The object read from: the record, or the value at the prefix. */
    public JsonNode root() {
        return prefix.isEmpty() ? in.root() : in.peek(prefix.substring(0, prefix.length() - 1));
    }

    public Long number(String... paths) {
        return in.number(Arrays.stream(paths).map(p -> prefix + p).toArray(String[]::new));
    }
}
