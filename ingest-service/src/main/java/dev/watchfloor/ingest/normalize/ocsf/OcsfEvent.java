package dev.watchfloor.ingest.normalize.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Timestamps;

/**
 * An OCSF event under construction. Setters take dotted paths ({@code src_endpoint.ip}) and ignore null or blank
 * values, so a mapper can pass what it read without checking; {@code classify}, {@code severity} and {@code status}
 * keep each id and its caption in step.
 */
public final class OcsfEvent {

    /** The OCSF schema version Watchfloor emits. */
    public static final String VERSION = "1.3.0";

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private OcsfClass ocsfClass;
    private Timestamps.Read time;

    public ObjectNode node() {
        return root;
    }

    public OcsfClass ocsfClass() {
        return ocsfClass;
    }

    /** Sets class, category, activity and type (type_uid = class_uid * 100 + activity_id). */
    public OcsfEvent classify(OcsfClass c, int activityId, String activityName) {
        this.ocsfClass = c;
        root.put("class_uid", c.uid());
        root.put("class_name", c.caption());
        root.put("category_uid", c.category());
        root.put("category_name", c.categoryName());
        root.put("activity_id", activityId);
        set("activity_name", activityName);
        root.put("type_uid", (long) c.uid() * 100 + activityId);
        return this;
    }

    /** OCSF severity_id 0-6 and 99 with its caption. */
    public OcsfEvent severity(int id) {
        root.put("severity_id", id);
        root.put("severity", switch (id) {
            case 1 -> "Informational";
            case 2 -> "Low";
            case 3 -> "Medium";
            case 4 -> "High";
            case 5 -> "Critical";
            case 6 -> "Fatal";
            case 99 -> "Other";
            default -> "Unknown";
        });
        return this;
    }

    /** OCSF status_id: 0 unknown, 1 success, 2 failure, 99 other. */
    public OcsfEvent status(int id) {
        root.put("status_id", id);
        root.put("status", switch (id) {
            case 1 -> "Success";
            case 2 -> "Failure";
            case 99 -> "Other";
            default -> "Unknown";
        });
        return this;
    }

    /** metadata.product.vendor_name and metadata.product.name, and the schema version. */
    public OcsfEvent product(String vendor, String name) {
        set("metadata.product.vendor_name", vendor);
        set("metadata.product.name", name);
        set("metadata.version", VERSION);
        return this;
    }

    /** The event time: {@code time} in epoch milliseconds, {@code time_dt}, and the original text. */
    public OcsfEvent time(Timestamps.Read read) {
        this.time = read;
        root.put("time", read.utc().toEpochMilli());
        root.put("time_dt", read.utc().toString());
        set("metadata.original_time", read.original());
        return this;
    }

    public Timestamps.Read time() {
        return time;
    }

    public OcsfEvent set(String path, String value) {
        if (value != null && !value.isBlank()) {
            at(path).put(value);
        }
        return this;
    }

    public OcsfEvent set(String path, Long value) {
        if (value != null) {
            at(path).put(value);
        }
        return this;
    }

    public OcsfEvent set(String path, long value) {
        at(path).put(value);
        return this;
    }

    public OcsfEvent set(String path, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            at(path).set(value);
        }
        return this;
    }

    /** Sets a port when the text is one (0-65535). */
    public OcsfEvent port(String path, String value) {
        if (value != null && Source.digits(value.strip(), 5)) {
            int port = Integer.parseInt(value.strip());
            if (port <= 65535) {
                at(path).put(port);
            }
        }
        return this;
    }

    /** Appends an object to the array at the path (created when absent) and returns it to fill. */
    public ObjectNode append(String path) {
        Slot slot = at(path);
        JsonNode existing = slot.parent().get(slot.leaf());
        ArrayNode array = existing instanceof ArrayNode a ? a : slot.parent().putArray(slot.leaf());
        return array.addObject();
    }

    /** The text at a path of the event built so far, or null. */
    public String text(String path) {
        JsonNode node = root;
        for (String segment : Paths.split(path)) {
            node = node == null ? null : node.get(segment);
        }
        return node == null || !node.isValueNode() ? null : node.asText();
    }

    public boolean has(String path) {
        return text(path) != null;
    }

    /** Where a dotted path's value goes: its parent object (created on the way) and its last key. */
    private record Slot(ObjectNode parent, String leaf) {

        void put(String value) {
            parent.put(leaf, value);
        }

        void put(long value) {
            parent.put(leaf, value);
        }

        void put(int value) {
            parent.put(leaf, value);
        }

        void set(JsonNode value) {
            parent.set(leaf, value);
        }
    }

    /** The path split once ({@link Paths}), its parents created as needed. */
    private Slot at(String path) {
        String[] segments = Paths.split(path);
        ObjectNode node = root;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(segments[i]);
        }
        return new Slot(node, segments[segments.length - 1]);
    }
}
