package dev.watchfloor.ingest.normalize.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code key=value} messages as firewalls and daemons write them (FortiOS, Linux audit, many appliances): pairs
 * separated by spaces (or {@code ", "}), values bare or in double or single quotes (quoted values may hold spaces and
 * {@code \"}). A message is key=value only when it is pairs from start to end and at least two of them; when it starts
 * with a pair but holds bare values with spaces, each value runs to the next key (as in CEF).
 */
public final class KeyValues {

    private static final Pattern STARTS_WITH_PAIR = Pattern.compile("^[A-Za-z_][\\w.\\-]{0,99}=.*", Pattern.DOTALL);

    private KeyValues() {
    }

    /** The pairs of the message, or null when it is not key=value. */
    public static ObjectNode read(String message) {
        String text = message.strip();
        if (!STARTS_WITH_PAIR.matcher(text).matches()) {
            return null;
        }
        ObjectNode strict = strict(text);
        if (strict != null) {
            return strict.size() >= 2 ? strict : null;
        }
        ObjectNode loose = JsonNodeFactory.instance.objectNode();
        Cef.extension(text, loose, new ArrayList<>());
        return loose.size() >= 2 && !loose.has("_text") ? loose : null;
    }

    /** Whether {@code text[from, to)} is a key: {@code [A-Za-z_][\\w.\\-]{0,99}} (by hand: asked for every pair). */
    private static boolean key(String text, int from, int to) {
        if (to <= from || to - from > 100) {
            return false;
        }
        char first = text.charAt(from);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first == '_')) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode strict(String text) {
        ObjectNode pairs = JsonNodeFactory.instance.objectNode();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eq = text.indexOf('=', pos);
            if (eq < 0 || eq - pos > 100 || !key(text, pos, eq)) {
                return null;
            }
            String key = text.substring(pos, eq);
            int i = eq + 1;
            String value;
            if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                char quote = text.charAt(i);
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != quote) {
                    if (text.charAt(i) == '\\' && i + 1 < n
                            && (text.charAt(i + 1) == quote || text.charAt(i + 1) == '\\')) {
                        i++;
                    }
                    b.append(text.charAt(i++));
                }
                if (i >= n) {
                    return null; // unterminated quote
                }
                value = b.toString();
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') {
                    i++;
                }
                value = text.substring(start, i);
            }
            String name = key;
            for (int k = 2; pairs.has(name); k++) {
                name = key + "_" + k; // a repeated key (Linux audit's two msg fields) keeps both values
            }
            pairs.put(name, value);
            if (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') {
                return null;
            }
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                i++;
            }
            pos = i;
        }
        return pairs;
    }

    /** Splits CSV (RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote) into fields. */
    public static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
