package dev.watchfloor.ingest.normalize.format;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Cleans a read record's string values in place, naming each change in a warning: NUL and other control characters
 * replaced, values longer than the limit cut, and JSON text held in a string read as JSON.
 */
final class FieldCleaner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxFieldChars;

    /**
     * @param maxFieldChars
     *            a string value longer than this is cut (and warned)
     */
    FieldCleaner(int maxFieldChars) {
        this.maxFieldChars = maxFieldChars;
    }

    /** Cleans every string of the record. */
    void clean(JsonNode record, List<String> warnings) {
        clean(record, warnings, 0);
    }

    /**
     * Replaces NUL and other control characters in strings, cuts over-long values, reads JSON held in strings. A string
     * that needs none of this keeps its node: most do, and a record is cleaned on every read.
     */
    private void clean(JsonNode node, List<String> warnings, int depth) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    JsonNode replaced = cleanText(field.getKey(), -1, value, warnings, depth);
                    if (replaced != value) {
                        field.setValue(replaced);
                    }
                } else {
                    clean(value, warnings, depth + 1);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    JsonNode replaced = cleanText(null, i, value, warnings, depth);
                    if (replaced != value) {
                        array.set(i, replaced);
                    }
                } else {
                    clean(value, warnings, depth + 1);
                }
            }
        }
    }

    /**
     * The cleaned value of a string field (named by {@code key}, or by {@code index} in an array); {@code node} itself
     * when it needs no change.
     */
    private JsonNode cleanText(String key, int index, JsonNode node, List<String> warnings, int depth) {
        String text = node.asText();
        String t = text;
        if (t.length() > maxFieldChars) {
            warnings.add("field '" + name(key, index) + "' cut from " + t.length() + " to " + maxFieldChars
                    + " characters");
            t = t.substring(0, maxFieldChars);
        }
        if (depth < 8 && heldJson(t)) {
            try {
                JsonNode inner = JSON.readTree(t.strip());
                if (inner.isContainerNode()) {
                    warnings.add("field '" + name(key, index) + "' held JSON text: read as JSON");
                    clean(inner, warnings, depth + 1);
                    return inner;
                }
            } catch (IOException e) {
                // not JSON: stays text
            }
        }
        String controls = withoutControls(t);
        if (controls != t) {
            warnings.add("field '" + name(key, index) + "': control characters replaced");
            t = controls;
        }
        return t == text ? node : new TextNode(t);
    }

    private static String name(String key, int index) {
        return key != null ? key : "[" + index + "]";
    }

    /** Whether the text, without surrounding whitespace, is in braces, or in brackets with something inside. */
    private static boolean heldJson(String t) {
        int a = 0;
        int z = t.length() - 1;
        while (a <= z && Character.isWhitespace(t.charAt(a))) {
            a++;
        }
        while (z > a && Character.isWhitespace(t.charAt(z))) {
            z--;
        }
        if (z - a < 1) {
            return false;
        }
        char first = t.charAt(a);
        char last = t.charAt(z);
        return first == '{' && last == '}' || first == '[' && last == ']' && z - a > 1;
    }

    /** NUL and C0 controls other than tab, CR and LF become U+FFFD (PostgreSQL's jsonb refuses NUL). */
    static String withoutControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                StringBuilder b = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char d = s.charAt(j);
                    b.append(d < 0x20 && d != '\t' && d != '\n' && d != '\r' ? '\uFFFD' : d);
                }
                return b.toString();
            }
        }
        return s;
    }
}
