package dev.watchfloor.ingest.normalize.ocsf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a parsed record's fields by dotted path for a mapper, remembering what was read, so that everything not mapped
 * ends in {@code unmapped} without each mapper listing it.
 *
 * <p>
 * A path's segments are matched greedily against keys that themselves hold dots (Zeek's {@code id.orig_h}); a numeric
 * segment indexes an array. Reading marks the value used; {@link #peek} reads without marking (for detection and for
 * values only consulted).
 */
public final class Source {

    private final JsonNode root;
    /** The keys (String) and indexes (Integer) leading to each value read. */
    private final List<Object[]> used = new ArrayList<>();
    /** Keys of the path being resolved (reused: most reads miss, and a miss should allocate nothing). */
    private final List<Object> walked = new ArrayList<>(8);

    public Source(JsonNode root) {
        this.root = root;
    }

    public JsonNode root() {
        return root;
    }

    /** The value at the path, or null when absent or JSON null; marks it used. */
    public JsonNode node(String path) {
        JsonNode value = resolve(path);
        if (value != null) {
            markWalked();
        }
        return value;
    }

    /** The value at the path without marking it used. */
    public JsonNode peek(String path) {
        return resolve(path);
    }

    private void markWalked() {
        used.add(walked.toArray());
    }

    /** The scalar at the first present path as trimmed text (numbers and booleans as written), or null. */
    public String text(String... paths) {
        for (String path : paths) {
            JsonNode value = resolve(path);
            if (value != null && value.isValueNode()) {
                String text = value.asText().strip();
                if (!text.isEmpty()) {
                    markWalked(); // resolved once: read and marked together
                    return text;
                }
            }
        }
        return null;
    }

    /** The peeked scalar's text, or null. */
    public String peekText(String path) {
        JsonNode value = peek(path);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    /** The first present path as a whole number (a number or digit string), or null. */
    public Long number(String... paths) {
        for (String path : paths) {
            JsonNode value = resolve(path);
            if (value == null) {
                continue;
            }
            if (value.isIntegralNumber() || value.isFloatingPointNumber()) {
                markWalked();
                return value.asLong();
            }
            String text = value.isTextual() ? value.asText().strip() : "";
            if (digits(text.startsWith("-") ? text.substring(1) : text, 18)) {
                markWalked();
                return Long.parseLong(text);
            }
        }
        return null;
    }

    /** Whether the text is 1 to {@code max} ASCII digits (without a regex: this runs for every record). */
    public static boolean digits(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A dotted path's segments (split once per path and kept: mappers name a bounded set of paths). */
    public static String[] segments(String path) {
        return Paths.split(path);
    }

    /** Marks every listed path used (values consulted elsewhere, or consciously dropped). */
    public void use(String... paths) {
        for (String path : paths) {
            node(path);
        }
    }

    /**
     * A copy of the record without the values read; empty objects and arrays, left behind or sent so, are left out.
     * Built in one walk that copies only what stays (values are immutable and shared).
     */
    public ObjectNode unmapped() {
        if (!root.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        Used read = new Used();
        for (Object[] keys : used) {
            read.add(keys);
        }
        return (ObjectNode) without(root, read);
    }

    /** The keys read, as a tree: a node is {@code whole} when the value there was read as a whole. */
    private static final class Used {

        boolean whole;
        /** Each child's key then the child, in turn ({@code size} of them): few, so searched in order. */
        private Object[] children;
        private int size;

        void add(Object[] path) {
            Used at = this;
            for (Object key : path) {
                if (at.whole) {
                    return;
                }
                Used next = at.child(key);
                if (next == null) {
                    next = at.put(key);
                }
                at = next;
            }
            at.whole = true;
        }

        Used child(Object key) {
            for (int i = 0; i < size; i++) {
                if (children[2 * i].equals(key)) {
                    return (Used) children[2 * i + 1];
                }
            }
            return null;
        }

        private Used put(Object key) {
            if (children == null) {
                children = new Object[8];
            } else if (2 * size == children.length) {
                children = java.util.Arrays.copyOf(children, children.length * 2);
            }
            Used child = new Used();
            children[2 * size] = key;
            children[2 * size + 1] = child;
            size++;
            return child;
        }
    }

    /** A copy of the container without what {@code read} marks (null: nothing under it was read). */
    private static JsonNode without(JsonNode node, Used read) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                Used under = read == null ? null : read.child(field.getKey());
                if (under == null || !under.whole) {
                    JsonNode kept = kept(field.getValue(), under);
                    if (kept != null) {
                        copy.set(field.getKey(), kept);
                    }
                }
            }
            return copy;
        }
        ArrayNode array = (ArrayNode) node;
        ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
        for (int i = 0; i < array.size(); i++) {
            Used under = read == null ? null : read.child(i);
            if (under == null || !under.whole) {
                JsonNode kept = kept(array.get(i), under);
                if (kept != null) {
                    copy.add(kept);
                }
            }
        }
        return copy;
    }

    /**
     * The value as kept in {@code unmapped}: a scalar itself, a container copied, or null when that leaves it empty.
     */
    private static JsonNode kept(JsonNode value, Used read) {
        if (!value.isContainerNode()) {
            return value;
        }
        JsonNode copy = without(value, read);
        return copy.isEmpty() ? null : copy;
    }

    /** The value at the path (null when absent or JSON null); the keys walked to it are left in {@link #walked}. */
    private JsonNode resolve(String path) {
        walked.clear();
        Paths.Path compiled = Paths.compile(path);
        String[] segments = compiled.segments;
        JsonNode node = root;
        int i = 0;
        while (node != null && i < segments.length) {
            if (node.isArray()) {
                String segment = segments[i];
                if (!digits(segment, 6)) {
                    return null;
                }
                int index = Integer.parseInt(segment);
                walked.add(index);
                node = node.get(index);
                i++;
                continue;
            }
            if (!node.isObject()) {
                return null;
            }
            JsonNode single = node.get(segments[i]);
            if (single != null && (i == segments.length - 1 || single.isContainerNode())) {
                // the common case: one key per segment (keys holding dots are tried only when it fails)
                walked.add(segments[i]);
                node = single;
                i++;
                continue;
            }
            JsonNode next = null;
            int taken = 0;
            for (int end = segments.length; end > i + 1; end--) {
                String key = compiled.joined(i, end);
                JsonNode candidate = node.get(key);
                if (candidate != null) {
                    next = candidate;
                    taken = end - i;
                    walked.add(key);
                    break;
                }
            }
            if (next == null && single != null) {
                next = single; // a scalar where the path goes on: the loop ends at it below
                taken = 1;
                walked.add(segments[i]);
            }
            node = next;
            i += taken;
        }
        return node == null || node.isNull() || node.isMissingNode() || i < segments.length ? null : node;
    }
}
