package dev.watchfloor.reasoning.investigator.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The fields of one evidence item's JSON by dotted path ({@code device.hostname}; an array's elements all sit under the
 * array's path), read through the rule pack's field map, which names the paths each normalized field is found at in the
 * formats Watchfloor receives. Text that is not a JSON object has no fields.
 */
final class EventFields {

    private final Map<String, List<String>> byPath;
    private final Map<String, List<String>> fieldMap;

    private EventFields(Map<String, List<String>> byPath, Map<String, List<String>> fieldMap) {
        this.byPath = byPath;
        this.fieldMap = fieldMap;
    }

    static EventFields of(String json, Map<String, List<String>> fieldMap) {
        Map<String, List<String>> byPath = new HashMap<>();
        try {
            String text = json == null ? "" : json.strip();
            if (text.startsWith("{")) {
                flatten("", new JsonObject(text), byPath);
            }
        } catch (DecodeException e) {
            // not JSON: no fields
        }
        return new EventFields(byPath, fieldMap);
    }

    /** Every value of a normalized field, from each path the field map gives it (or its own name). */
    List<String> values(String field) {
        List<String> paths = fieldMap.getOrDefault(field, List.of(field));
        List<String> values = new ArrayList<>();
        for (String path : paths) {
            values.addAll(byPath.getOrDefault(path, List.of()));
        }
        return values;
    }

    private static void flatten(String prefix, Object value, Map<String, List<String>> out) {
        if (value instanceof JsonObject object) {
            object.forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> flatten(prefix, v, out));
        } else if (value != null) {
            out.computeIfAbsent(prefix, k -> new ArrayList<>()).add(String.valueOf(value));
        }
    }
}
