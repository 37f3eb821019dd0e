package dev.watchfloor.ingest.normalize.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;

/**
 * ArcSight Common Event Format (Micro Focus "Implementing ArcSight CEF", revision 25):
 * {@code CEF:Version|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity|Extension}. In the
 * header {@code \|} and {@code \\} are escapes; the extension is {@code key=value} pairs separated by spaces, a value
 * running up to the space before the next key (so values may hold spaces), with {@code \=}, {@code \\}, {@code \n} and
 * {@code \r} escaped.
 */
public final class Cef {

    private static final String[] HEADER = {"version", "device_vendor", "device_product", "device_version",
            "signature_id", "name", "severity"};
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

    private Cef() {
    }

    /**
     * Reads {@code text} (starting with {@code CEF:}) into {@code fields} ({@code cef}, {@code extension}); false, with
     * a warning, when the header is incomplete.
     */
    public static boolean read(String text, ObjectNode fields, List<String> warnings) {
        List<String> parts = new ArrayList<>();
        int pos = "CEF:".length();
        StringBuilder field = new StringBuilder();
        while (pos < text.length() && parts.size() < HEADER.length) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '|' || text.charAt(pos + 1) == '\\')) {
                field.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '|') {
                parts.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            pos++;
        }
        if (parts.size() < HEADER.length) {
            warnings.add("malformed CEF: " + (parts.size() + 1) + " of 8 header fields; read as text");
            return false;
        }
        ObjectNode header = fields.putObject("cef");
        for (int i = 0; i < HEADER.length; i++) {
            header.put(HEADER[i], parts.get(i).strip());
        }
        if (!parts.get(0).strip().transform(Regexes.matches("\\d{1,3}"))) {
            warnings.add("CEF version '" + parts.get(0) + "' is not a number");
        }
        extension(text.substring(pos), fields.putObject("extension"), warnings);
        return true;
    }

    /** The extension's pairs; text before the first key is kept as {@code _text} with a warning. */
    static void extension(String text, ObjectNode into, List<String> warnings) {
        List<int[]> keys = new ArrayList<>(); // [keyStart, equals]
        int start = 0; // where the current word starts
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                start = i + 1;
            } else if (c == '=' && !escaped(text, i)) {
                if (start < i && i - start <= 100 && KEY.matcher(text.substring(start, i)).matches()) {
                    keys.add(new int[]{start, i});
                }
            }
        }
        if (keys.isEmpty()) {
            if (!text.isBlank()) {
                into.put("_text", unescape(text.strip()));
                warnings.add("CEF extension without key=value pairs: kept as _text");
            }
            return;
        }
        if (!text.substring(0, keys.get(0)[0]).isBlank()) {
            into.put("_text", unescape(text.substring(0, keys.get(0)[0]).strip()));
            warnings.add("CEF extension starts with text that is no key=value pair: kept as _text");
        }
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int end = k + 1 < keys.size() ? keys.get(k + 1)[0] : text.length();
            String value = text.substring(key[1] + 1, end);
            into.put(text.substring(key[0], key[1]), unescape(value.strip()));
        }
    }

    private static boolean escaped(String text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(i + 1);
                switch (n) {
                    case '=', '\\', '|' -> {
                        b.append(n);
                        i++;
                        continue;
                    }
                    case 'n' -> {
                        b.append('\n');
                        i++;
                        continue;
                    }
                    case 'r' -> {
                        b.append('\r');
                        i++;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
