package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Records that are already OCSF (any schema version, "OCSF Schema" at schema.ocsf.io): a {@code class_uid} with
 * {@code metadata.version}, {@code category_uid}, {@code type_uid} or {@code activity_id}; or a record Panther stored
 * under an {@code OCSF.<ClassName>} log type. The record is kept as it is: every field is copied into the event, its
 * own class, activity, severity and status win, and only what it lacks is filled (type_uid, category_uid, captions,
 * severity_id from a severity word). {@code time} is read through the record's time rules. Its {@code unmapped}, a
 * schema version other than the one Watchfloor emits, and Panther's {@code p_*} fields go to {@code unmapped}.
 */
public final class OcsfNativeMapper implements Mapper {

    private static final String PANTHER_PREFIX = "OCSF.";

    @Override
    public String id() {
        return "ocsf";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode f = record.fields();
        if (f == null) {
            return false;
        }
        if (f.path("p_log_type").asText("").startsWith(PANTHER_PREFIX)) {
            return true;
        }
        JsonNode uid = f.get("class_uid");
        boolean number = uid != null
                && (uid.isIntegralNumber() || uid.isTextual() && uid.asText().transform(Regexes.matches("\\d{1,7}")));
        return number && (f.path("metadata").path("version").isValueNode() || f.has("category_uid")
                || f.has("type_uid") || f.has("activity_id"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        JsonNode root = in.root();
        Long classUid = in.number("class_uid");
        OcsfClass known = classUid == null ? fromPantherType(in.peekText("p_log_type")) : byUid(classUid);
        long uid = classUid != null ? classUid : known != null ? known.uid() : 0;
        Long activity = in.number("activity_id");
        long activityId = activity == null ? 0 : activity;
        out.classify(known != null ? known : OcsfClass.BASE_EVENT, (int) Math.max(0, Math.min(activityId, 255)),
                in.peekText("activity_name"));
        out.time(ctx.time(in.peek("time") != null ? in.node("time") : in.node("time_dt")));
        in.use("time_dt");
        ObjectNode event = out.node();
        ObjectNode unmapped = event.objectNode();
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode value = root.get(key);
            if (key.equals("time") || key.equals("time_dt")) {
                continue;
            }
            JsonNode ours = event.get(key);
            if (key.equals("unmapped") && value.isObject()) {
                unmapped.setAll((ObjectNode) value.deepCopy());
            } else if (key.startsWith("p_") || key.equals("unmapped")
                    || !value.isObject() && (ours instanceof ObjectNode || key.equals("metadata"))) {
                unmapped.set(key, value.deepCopy());
            } else if (key.equals("metadata")) {
                metadata(event, (ObjectNode) value, unmapped);
            } else {
                event.set(key, value.deepCopy());
            }
            in.use(key);
        }
        fill(event, root, known, uid, activityId);
        severity(event, out);
        if (!unmapped.isEmpty()) {
            event.set("unmapped", unmapped);
        }
    }

    /** The record's metadata over ours; its schema version, when not the one we emit, kept in unmapped. */
    private static void metadata(ObjectNode event, ObjectNode metadata, ObjectNode unmapped) {
        ObjectNode ours = event.get("metadata") instanceof ObjectNode o ? o : event.putObject("metadata");
        metadata.properties().forEach(e -> ours.set(e.getKey(), e.getValue().deepCopy()));
        JsonNode version = metadata.get("version");
        if (version != null && !OcsfEvent.VERSION.equals(version.asText())) {
            unmapped.set("metadata.version", version.deepCopy());
        }
    }

    /** What the record lacks: class, category and type ids consistent with its class and activity; severity id. */
    private static void fill(ObjectNode event, JsonNode record, OcsfClass known, long uid, long activityId) {
        event.put("class_uid", (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, uid)));
        if (known == null) {
            for (String caption : new String[]{"class_name", "category_name"}) {
                if (!record.has(caption)) {
                    event.remove(caption);
                }
            }
            if (!record.has("category_uid")) {
                event.put("category_uid", uid < 100_000 ? uid / 1000 : (uid % 100_000) / 1000);
            }
            if (!record.has("type_uid")) {
                event.put("type_uid", uid * 100 + activityId);
            }
        }
        if (!event.has("activity_name") && event.path("activity_id").asLong(-1) == 0) {
            event.put("activity_name", "Unknown");
        }
        if (!record.has("type_name") && event.path("class_name").isTextual()
                && event.path("activity_name").isTextual()) {
            event.put("type_name", event.get("class_name").asText() + ": " + event.get("activity_name").asText());
        }
    }

    /** The record's severity_id as it is; without one, from its severity word, with the caption. */
    private static void severity(ObjectNode event, OcsfEvent out) {
        if (!event.path("severity_id").isIntegralNumber() && !event.path("severity_id").isTextual()) {
            String word = event.path("severity").isTextual() ? event.get("severity").asText() : null;
            out.severity(Severities.of(event.get("severity")));
            if (word != null) {
                event.put("severity", word);
            }
        }
    }

    private static OcsfClass byUid(long uid) {
        for (OcsfClass c : OcsfClass.values()) {
            if (c.uid() == uid) {
                return c;
            }
        }
        return null;
    }

    /** Panther's log type names the class without spaces: {@code OCSF.DnsActivity} is DNS Activity. */
    private static OcsfClass fromPantherType(String logType) {
        if (logType == null || !logType.startsWith(PANTHER_PREFIX)) {
            return null;
        }
        String name = norm(logType.substring(PANTHER_PREFIX.length()));
        for (OcsfClass c : OcsfClass.values()) {
            if (norm(c.caption()).equals(name) || Map.of("filesystemactivity", "fileactivity").getOrDefault(
                    norm(c.caption()), "").equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
