package dev.watchfloor.ingest.normalize.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** An inner syslog header: an optional octet count, then a PRI. */
    private static final Pattern RELAYED = Pattern.compile("^(?:\\d{1,6} )?(?=<\\d{1,3}>)");

    private TextFormats() {
    }

    public static Parsed parse(String line) {
        List<String> warnings = new ArrayList<>();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String message = line;
        Syslog.Header header = null;
        try {
            Matcher counted = RELAYED.matcher(line);
            header = Syslog.parse(counted.lookingAt() ? line.substring(counted.end()) : line, warnings);
        } catch (RuntimeException e) {
            warnings.add("unreadable syslog header: read as text");
        }
        if (header != null) {
            message = header.message();
            Syslog.Header inner = relayed(message, warnings);
            if (inner != null) {
                header = inner;
                message = inner.message();
            }
        }
        String inner = message(message, fields, warnings);
        if (header != null) {
            fields.set("syslog", header.fields());
        }
        String format = header == null ? inner : inner.equals("text") ? "syslog" : "syslog+" + inner;
        return new Parsed(format, fields, line, warnings);
    }

    /**
     * A syslog line a relay wrapped in its own header (optionally with an RFC 6587 octet count before the PRI): the
     * inner header, which names the real sender; null when the message is not syslog itself.
     */
    private static Syslog.Header relayed(String message, List<String> warnings) {
        Matcher m = RELAYED.matcher(message);
        if (!m.lookingAt()) {
            return null;
        }
        Syslog.Header inner = Syslog.parse(message.substring(m.end()), warnings);
        if (inner != null) {
            warnings.add("syslog relayed inside syslog: the inner header read");
        }
        return inner;
    }

    /** Reads the message's own format into {@code fields}; answers its name ({@code text} when free text). */
    private static String message(String message, ObjectNode fields, List<String> warnings) {
        String text = message.strip();
        if (text.startsWith("@cee:")) { // rsyslog/CEE cookie before JSON
            text = text.substring(5).strip();
        }
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
