package dev.watchfloor.ingest.normalize.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one JSON value at a position of a body: strictly, else with the fewest repairs that read it (comments, trailing
 * commas, single quotes, unquoted keys, raw control characters, NaN, leading zeros), each named in a warning; duplicate
 * keys keep the last value, warned. A value that cannot be read gives the reason, with the character offset.
 */
final class LenientJson {

    private static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LenientJson() {
    }

    record Value(JsonNode node, int end, List<String> warnings, String error) {
    }

    /** Repairs tried in order when strict JSON fails; each is named in the warning when it was needed. */
    private enum Repair {

        COMMENTS("comments removed", JsonReadFeature.ALLOW_JAVA_COMMENTS,
                JsonReadFeature.ALLOW_YAML_COMMENTS), TRAILING_COMMAS("trailing commas removed",
                        JsonReadFeature.ALLOW_TRAILING_COMMA), SINGLE_QUOTES("single quotes read as double quotes",
                                JsonReadFeature.ALLOW_SINGLE_QUOTES), UNQUOTED_KEYS("unquoted keys read",
                                        JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES), CONTROL_CHARACTERS(
                                                "raw control characters in strings read",
                                                JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS), NON_NUMBERS(
                                                        "NaN and Infinity read",
                                                        JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS), LEADING_ZEROS(
                                                                "leading zeros in numbers read",
                                                                JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS);

        final String warning;
        final JsonReadFeature[] features;

        Repair(String warning, JsonReadFeature... features) {
            this.warning = warning;
            this.features = features;
        }
    }

    /** Reads the JSON value starting at {@code pos}: strictly, else with the fewest repairs that read it. */
    static Value value(String text, int pos) {
        Value strict = parse(text, pos, EnumSet.noneOf(Repair.class), true);
        if (strict.node != null) {
            return strict;
        }
        if (strict.error.contains("Duplicate field")) {
            Value lenient = parse(text, pos, EnumSet.noneOf(Repair.class), false);
            if (lenient.node != null) {
                lenient.warnings.add("duplicate keys: the last value of each kept (" + strict.error + ")");
                return lenient;
            }
        }
        EnumSet<Repair> all = EnumSet.allOf(Repair.class);
        Value repaired = parse(text, pos, all, false);
        if (repaired.node == null) {
            return new Value(null, pos, List.of(), strict.error);
        }
        EnumSet<Repair> needed = EnumSet.copyOf(all);
        for (Repair r : all) {
            needed.remove(r);
            if (parse(text, pos, needed, false).node == null) {
                needed.add(r);
            }
        }
        Value value = parse(text, pos, needed, false);
        needed.forEach(r -> value.warnings.add("repaired JSON: " + r.warning));
        return value;
    }

    /** Factories are costly to make and safe to share: one per set of repairs (and duplicate strictness). */
    private static final ConcurrentMap<String, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

    /** The factory of strict JSON (no repairs, duplicate keys refused). */
    static JsonFactory strictFactory() {
        return factory(Set.of(), true);
    }

    private static JsonFactory factory(Set<Repair> repairs, boolean strictDuplicates) {
        return FACTORIES.computeIfAbsent(repairs + "/" + strictDuplicates, k -> {
            JsonFactoryBuilder builder = new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
            repairs.forEach(r -> {
                for (JsonReadFeature f : r.features) {
                    builder.enable(f);
                }
            });
            JsonFactory factory = builder.build();
            if (strictDuplicates) {
                factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            }
            return factory;
        });
    }

    private static Value parse(String text, int pos, Set<Repair> repairs, boolean strictDuplicates) {
        JsonFactory factory = factory(repairs, strictDuplicates);
        try (JsonParser parser = factory.createParser(text.substring(pos))) {
            parser.setCodec(JSON);
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Value(null, pos, List.of(), "no JSON value");
            }
            JsonNode node = parser.readValueAsTree();
            int end = pos + (int) parser.currentLocation().getCharOffset();
            return new Value(node, end, new ArrayList<>(), null);
        } catch (JsonParseException e) {
            return new Value(null, pos, List.of(), reason(e, pos));
        } catch (IOException | RuntimeException e) {
            return new Value(null, pos, List.of(), String.valueOf(e.getMessage()));
        }
    }

    private static String reason(JsonParseException e, int pos) {
        String message = e.getOriginalMessage();
        long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        String where = at < 0 ? "" : " at character " + (pos + at) + " of the body";
        if (message != null && message.contains("end-of-input")) {
            return "truncated JSON: the body ends inside a value" + where;
        }
        return "unreadable JSON" + where + ": " + (message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message));
    }
}
