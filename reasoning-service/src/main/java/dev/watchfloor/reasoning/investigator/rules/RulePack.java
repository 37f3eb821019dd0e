package dev.watchfloor.reasoning.investigator.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.watchfloor.reasoning.investigator.Evidence;

/**
 * Watchfloor's own detection rules ({@code rules/watchfloor-rules.yml}, Sigma subset): a first document with the field
 * map, then one document per rule. Loaded and checked once; a rule the loader does not understand fails startup rather
 * than silently matching nothing.
 */
public final class RulePack {

    public static final String RESOURCE = "rules/watchfloor-rules.yml";
    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");

    private final List<SigmaRule> rules;
    private final Map<String, List<String>> fieldMap;

    private RulePack(List<SigmaRule> rules, Map<String, List<String>> fieldMap) {
        this.rules = List.copyOf(rules);
        this.fieldMap = fieldMap;
    }

    public record Match(SigmaRule rule, String evidenceId) {
    }

    /** One item read once: the rules it matches, and its normalized fields. */
    public static final class Reading {

        private final List<Match> matches;
        private final EventFields fields;

        private Reading(List<Match> matches, EventFields fields) {
            this.matches = matches;
            this.fields = fields;
        }

        public List<Match> matches() {
            return matches;
        }

        /** The values of a normalized field (e.g. the alert's own ATT&CK ids under {@code technique}). */
        public List<String> values(String field) {
            return fields.values(field);
        }
    }

    /** Reads an item (its kind is {@code alert} or {@code event}) and evaluates every rule on it. */
    public Reading read(Evidence e) {
        EventFields fields = EventFields.of(e.text(), fieldMap);
        List<Match> matches = new ArrayList<>();
        for (SigmaRule rule : rules) {
            if (rule.appliesTo(e.kind()) && rule.matches(fields)) {
                matches.add(new Match(rule, e.id()));
            }
        }
        return new Reading(List.copyOf(matches), fields);
    }

    /** Every rule that matches an item, with the item's id. */
    public List<Match> evaluate(Evidence e) {
        return read(e).matches();
    }

    public List<SigmaRule> rules() {
        return rules;
    }

    public static RulePack load() {
        try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule pack missing: " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RulePack parse(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        Map<String, List<String>> fieldMap = new LinkedHashMap<>();
        List<SigmaRule> rules = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull()) {
                    continue;
                }
                if (doc.has("fields")) {
                    doc.get("fields").fields().forEachRemaining(f -> fieldMap.put(f.getKey(), strings(f.getValue())));
                } else {
                    rules.add(rule(doc));
                }
            }
        }
        return new RulePack(rules, fieldMap);
    }

    private static SigmaRule rule(JsonNode doc) {
        String id = text(doc, "id");
        String level = text(doc, "level").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("rule " + id + ": level must be one of " + LEVELS);
        }
        String category = doc.path("logsource").path("category").asText(null);
        List<String> techniques = new ArrayList<>();
        doc.path("tags").forEach(t -> {
            String tag = t.asText().toLowerCase(Locale.ROOT);
            if (tag.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
                techniques.add(tag.substring("attack.".length()).toUpperCase(Locale.ROOT));
            }
        });
        JsonNode detection = doc.path("detection");
        Map<String, List<Map<String, FieldMatcher>>> selections = new LinkedHashMap<>();
        detection.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("condition")) {
                selections.put(f.getKey(), selection(id, f.getValue()));
            }
        });
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " has no selection");
        }
        Condition condition = Condition.parse(text(detection, "condition"), selections.keySet());
        return new SigmaRule(id, text(doc, "title"), level, category, List.copyOf(techniques), selections, condition);
    }

    private static List<Map<String, FieldMatcher>> selection(String id, JsonNode node) {
        List<Map<String, FieldMatcher>> alternatives = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> alternatives.add(matchers(id, n)));
        } else {
            alternatives.add(matchers(id, node));
        }
        return alternatives;
    }

    private static Map<String, FieldMatcher> matchers(String id, JsonNode map) {
        if (!map.isObject()) {
            throw new IllegalArgumentException("rule " + id + ": a selection is a map of field|modifiers to values");
        }
        Map<String, FieldMatcher> all = new LinkedHashMap<>();
        map.fields().forEachRemaining(f -> all.put(f.getKey(), FieldMatcher.parse(f.getKey(), strings(f.getValue()))));
        return all;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalArgumentException("rule " + node.path("id").asText("?") + " lacks " + field);
        }
        return value.asText();
    }
}
