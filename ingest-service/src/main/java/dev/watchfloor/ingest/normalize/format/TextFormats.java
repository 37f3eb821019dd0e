package dev.watchfloor.ingest.normalize.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one line of text: syslog (RFC 3164, RFC 5424, or a bare BSD header without PRI), and in the message, or on its
 * own, CEF, LEEF 1.0/2.0, JSON or key=value; anything else is free text under {@code message}. Field shapes are those
 * of {@link Parsed}. Never throws: a malformed CEF or LEEF header gives free text and a warning.
 */
public final class TextFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TextFormats() {
    }

    public static Parsed parse(String line) {
        List<String> warnings = new ArrayList<>();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String message = line;
        Syslog.Header header = null;
        try {
            header = Syslog.parse(line, warnings);
        } catch (RuntimeException e) {
            warnings.add("unreadable syslog header: read as text");
        }
        if (header != null) {
            message = header.message();
        }
        String inner = message(message, fields, warnings);
        if (header != null) {
            fields.set("syslog", header.fields());
        }
        String format = header == null ? inner : inner.equals("text") ? "syslog" : "syslog+" + inner;
        return new Parsed(format, fields, line, warnings);
    }

    /** Reads the message's own format into {@code fields}; answers its name ({@code text} when free text). */
    private static String message(String message, ObjectNode fields, List<String> warnings) {
        String text = message.strip();
        try {
            if (text.startsWith("CEF:") && Cef.read(text, fields, warnings)) {
                return "cef";
            }
            if (text.startsWith("LEEF:") && Leef.read(text, fields, warnings)) {
                return "leef";
            }
            if (text.startsWith("{") && text.endsWith("}")) {
                JsonNode node = json(text);
                if (node != null && node.isObject()) {
                    fields.setAll((ObjectNode) node);
                    return "json";
                }
            }
            ObjectNode pairs = KeyValues.read(text);
            if (pairs != null) {
                fields.setAll(pairs);
                return "kv";
            }
        } catch (RuntimeException e) {
            fields.removeAll();
            warnings.add("message could not be read (" + e.getClass().getSimpleName() + "): kept as text");
        }
        fields.remove(List.of("cef", "extension", "leef", "attributes"));
        fields.put("message", message);
        return "text";
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
