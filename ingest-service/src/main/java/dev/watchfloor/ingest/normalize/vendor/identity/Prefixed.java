package dev.watchfloor.ingest.normalize.vendor.identity;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * A {@link Source} read below a path ({@code detail.findings.0.} of an EventBridge event), so one mapper reads a record
 * and its wrapped form alike.
 */
public record Prefixed(Source in, String prefix) {

    /** The path below the prefix; the path itself when there is none (most records: no string is built). */
    private String at(String path) {
        return prefix.isEmpty() ? path : prefix + path;
    }

    private String[] at(String[] paths) {
        if (prefix.isEmpty()) {
            return paths;
        }
        String[] prefixed = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            prefixed[i] = prefix + paths[i];
        }
        return prefixed;
    }

    public String text(String... paths) {
        return in.text(at(paths));
    }

    public JsonNode node(String path) {
        return in.node(at(path));
    }

    public JsonNode peek(String path) {
        return in.peek(at(path));
    }

    public String peekText(String path) {
        return in.peekText(at(path));
    }

    public void use(String... paths) {
        in.use(at(paths));
    }

    /** The object read from: the record, or the value at the prefix. */
    public JsonNode root() {
        return prefix.isEmpty() ? in.root() : in.peek(prefix.substring(0, prefix.length() - 1));
    }

    public Long number(String... paths) {
        return in.number(at(paths));
    }
}
