package dev.watchfloor.reasoning.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The entities a model may name as action targets, under handles ({@code t1}, {@code t2}, ...): the model answers a
 * handle, Watchfloor maps it back to the entity context extracted, so a target is never text the model wrote. The list
 * goes through governance's redaction like any evidence (as {@link #EVIDENCE_ID}), shaped so that field rules apply
 * ({@code user.name}, {@code host.name}), and the model sees only the redacted form.
 */
public final class Targets {

    /** The id the list travels under in {@code PrepareModelCall}; never an evidence id context hands out. */
    public static final String EVIDENCE_ID = "targets";

    private final Map<String, String> byHandle;

    private Targets(Map<String, String> byHandle) {
        this.byHandle = byHandle;
    }

    public static Targets of(List<String> entities) {
        Map<String, String> byHandle = new LinkedHashMap<>();
        entities.stream().distinct().forEach(e -> byHandle.put("t" + (byHandle.size() + 1), e));
        return new Targets(byHandle);
    }

    public boolean isEmpty() {
        return byHandle.isEmpty();
    }

    /** The entity a handle stands for. */
    public Optional<String> entity(String handle) {
        return Optional.ofNullable(byHandle.get(handle == null ? null : handle.strip()));
    }

    /** The handle of an entity, when it is among the targets. */
    public Optional<String> handleOf(String entity) {
        return byHandle.entrySet().stream().filter(e -> e.getValue().equals(entity)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The list as JSON for governance to redact: one object per target, its value under a field of its kind. */
    public String toJson() {
        JsonArray list = new JsonArray();
        byHandle.forEach((handle, entity) -> {
            int colon = entity.indexOf(':');
            String kind = colon < 0 ? "entity" : entity.substring(0, colon);
            String value = colon < 0 ? entity : entity.substring(colon + 1);
            JsonObject target = new JsonObject().put("handle", handle).put("kind", kind);
            switch (kind) {
                case "user", "host" -> target.put(kind, new JsonObject().put("name", value));
                default -> target.put("value", value);
            }
            list.add(target);
        });
        return list.encode();
    }

    /**
     * One line per target for the prompt, from the list as governance redacted it; a target whose redacted form cannot
     * be read is shown by handle and kind only.
     */
    public String describe(String preparedJson) {
        Map<String, String> shown = new LinkedHashMap<>();
        try {
            JsonArray list = new JsonArray(preparedJson);
            for (int i = 0; i < list.size(); i++) {
                JsonObject t = list.getJsonObject(i);
                String kind = t.getString("kind", "entity");
                Object value = t.getValue(kind) instanceof JsonObject named
                        ? named.getValue("name")
                        : t.getValue("value");
                shown.put(t.getString("handle"), kind + " " + EvidenceFence.mark(String.valueOf(value)));
            }
        } catch (DecodeException | ClassCastException e) {
            // shown by handle and kind only
        }
        StringBuilder out = new StringBuilder();
        byHandle.forEach((handle, entity) -> {
            String kind = entity.contains(":") ? entity.substring(0, entity.indexOf(':')) : "entity";
            out.append("- ").append(handle).append(": ").append(shown.getOrDefault(handle, kind)).append('\n');
        });
        return out.isEmpty() ? "(none)\n" : out.toString();
    }
}
