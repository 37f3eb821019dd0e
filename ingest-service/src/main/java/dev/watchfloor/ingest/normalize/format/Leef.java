package dev.watchfloor.ingest.normalize.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * IBM QRadar Log Event Extended Format (IBM "LEEF version 1.0 / 2.0" documentation): {@code LEEF:1.0|Vendor|Product|
 * Version|EventID|} then tab-separated {@code key=value} attributes; LEEF 2.0 adds a sixth header field, the attribute
 * delimiter, as one character or as a hex code ({@code x7C}, {@code 0x7C}); empty, it is the tab. Lenient where sources
 * are: attributes of a LEEF 1.0 event that are separated by {@code |} (as CyberArk writes), a space delimiter (values
 * with spaces run to the next key, as in CEF), attributes without a value or a key (kept, warned).
 */
public final class Leef {

    private static final Pattern HEX = Pattern.compile("(?i)0?x([0-9a-f]{1,4})");
    private static final Pattern PIPED_PAIR = Pattern.compile("\\|(?=[A-Za-z_][\\w.-]{0,99}=)");

    private Leef() {
    }

    /**
     * Reads {@code text} (starting with {@code LEEF:}) into {@code fields} ({@code leef}, {@code attributes}); false,
     * with a warning, when the header is incomplete.
     */
    public static boolean read(String text, ObjectNode fields, List<String> warnings) {
        List<String> parts = new ArrayList<>();
        int pos = "LEEF:".length();
        StringBuilder field = new StringBuilder();
        while (pos < text.length() && parts.size() < 6) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '|') {
                field.append('|');
                pos += 2;
                continue;
            }
            if (c == '|') {
                parts.add(field.toString());
                field.setLength(0);
                if (parts.size() == 5 && !parts.get(0).strip().startsWith("2")) {
                    pos++;
                    break; // LEEF 1.0: the attributes follow the fifth field
                }
            } else {
                field.append(c);
            }
            pos++;
        }
        if (parts.size() < 5) {
            warnings.add("malformed LEEF: " + (parts.size() + (field.isEmpty() ? 0 : 1))
                    + " of at least 5 header fields; read as text");
            return false;
        }
        ObjectNode header = fields.putObject("leef");
        String[] names = {"version", "vendor", "product", "product_version", "event_id"};
        for (int i = 0; i < names.length; i++) {
            header.put(names[i], parts.get(i).strip());
        }
        boolean v2 = parts.get(0).strip().startsWith("2");
        String attributes = parts.size() == 5 && v2 ? field.toString() : text.substring(Math.min(pos, text.length()));
        char delimiter = '\t';
        boolean pipes = !v2;
        if (parts.size() == 6) {
            Character declared = delimiter(parts.get(5), warnings);
            if (declared == null && parts.get(5).contains("=")) {
                attributes = parts.get(5) + "|" + attributes;
                pipes = true;
            } else if (declared != null) {
                delimiter = declared;
            }
        }
        if (v2 && pipes || v2 && parts.size() == 5) {
            warnings.add("LEEF 2.0 header without a delimiter field: attributes read as tab-separated");
            pipes = true;
        }
        if (v2) {
            header.put("delimiter", String.valueOf(delimiter));
        } else if (!parts.get(0).strip().equals("1.0")) {
            warnings.add("LEEF version '" + parts.get(0).strip() + "' read as LEEF 1.0");
        }
        attributes(attributes, delimiter, pipes, fields, warnings);
        return true;
    }

    /** The declared delimiter; null when the field is empty (tab) or unreadable (warned). */
    private static Character delimiter(String declared, List<String> warnings) {
        if (declared.length() == 1) {
            return declared.charAt(0);
        }
        if (declared.isEmpty()) {
            return null;
        }
        Matcher hex = HEX.matcher(declared.strip());
        if (hex.matches()) {
            int code = Integer.parseInt(hex.group(1), 16);
            if (code > 0 && code < 0xD800) {
                return (char) code;
            }
        }
        if (!declared.contains("=")) {
            warnings.add("LEEF delimiter '" + declared + "' is not a character or hex code: tab assumed");
        }
        return null;
    }

    private static void attributes(String text, char delimiter, boolean pipes, ObjectNode fields,
            List<String> warnings) {
        ObjectNode into = fields.putObject("attributes");
        if (delimiter == ' ') {
            Cef.extension(text, into, warnings);
            return;
        }
        List<String> junk = new ArrayList<>();
        for (String token : text.split(Pattern.quote(String.valueOf(delimiter)), -1)) {
            String[] pieces = pipes && delimiter == '\t' ? PIPED_PAIR.split(token) : new String[]{token};
            for (String piece : pieces) {
                pair(piece, into, junk, warnings);
            }
        }
        if (!junk.isEmpty()) {
            fields.put("message", String.join(" ", junk));
            warnings.add("LEEF attributes without key=value: kept as message");
        }
    }

    private static void pair(String token, ObjectNode into, List<String> junk, List<String> warnings) {
        if (token.isBlank()) {
            return;
        }
        int eq = token.indexOf('=');
        if (eq <= 0) {
            junk.add(token.strip());
            return;
        }
        String key = token.substring(0, eq).strip();
        String value = token.substring(eq + 1).strip();
        if (value.isEmpty()) {
            warnings.add("LEEF attribute '" + key + "' has no value");
        }
        into.put(key, value);
    }
}
