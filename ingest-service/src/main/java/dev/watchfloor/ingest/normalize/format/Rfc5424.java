package dev.watchfloor.ingest.normalize.format;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;

/**
 * The part of an RFC 5424 syslog line after {@code <PRI>1 }: {@code TIMESTAMP HOSTNAME APP-NAME PROCID MSGID}, then
 * STRUCTURED-DATA ({@code -} or {@code [SD-ID PARAM="value" ...]...}, with {@code \"}, {@code \\} and {@code \]}
 * escaped in values), then MSG (a leading UTF-8 BOM dropped). {@code -} is the nil value of every header field.
 */
final class Rfc5424 {

    private static final String[] NAMES = {"timestamp", "hostname", "app_name", "procid", "msgid"};

    private Rfc5424() {
    }

    /** The header read into {@code header}, or null when the text is not RFC 5424. */
    static Syslog.Header parse(String text, ObjectNode header, List<String> warnings) {
        int pos = 0;
        String[] values = new String[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                if (i < NAMES.length - 1) {
                    return null;
                }
                space = text.length();
            }
            values[i] = text.substring(pos, space);
            pos = Math.min(space + 1, text.length());
        }
        if (!values[0].equals("-") && !values[0].transform(Regexes.matches("\\d{4}-\\d{2}-\\d{2}T\\S+"))) {
            return null;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (!values[i].equals("-") && !values[i].isEmpty()) {
                header.put(NAMES[i], values[i]);
            }
        }
        String rest = text.substring(pos);
        if (rest.startsWith("-")) {
            rest = rest.substring(1);
        } else if (rest.startsWith("[")) {
            int end = structuredData(rest, header.putObject("structured_data"), warnings);
            rest = rest.substring(end);
        }
        if (rest.startsWith(" ")) {
            rest = rest.substring(1);
        }
        if (rest.startsWith("\uFEFF")) {
            rest = rest.substring(1);
        }
        return new Syslog.Header(header, rest);
    }

    /** Reads SD elements into {@code into}; answers where they end. */
    private static int structuredData(String text, ObjectNode into, List<String> warnings) {
        int pos = 0;
        while (pos < text.length() && text.charAt(pos) == '[') {
            int idEnd = pos + 1;
            while (idEnd < text.length() && " ]".indexOf(text.charAt(idEnd)) < 0) {
                idEnd++;
            }
            ObjectNode element = into.putObject(text.substring(pos + 1, idEnd));
            pos = idEnd;
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
                int eq = text.indexOf('=', pos);
                if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                    warnings.add("malformed RFC 5424 structured data: read as far as it is well formed");
                    return skipElement(text, pos);
                }
                String name = text.substring(pos, eq);
                StringBuilder value = new StringBuilder();
                int i = eq + 2;
                for (; i < text.length() && text.charAt(i) != '"'; i++) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length() && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                }
                if (i >= text.length()) {
                    warnings.add("unterminated RFC 5424 structured data value");
                    element.put(name, value.toString());
                    return text.length();
                }
                element.put(name, value.toString());
                pos = i + 1;
            }
            if (pos >= text.length() || text.charAt(pos) != ']') {
                warnings.add("malformed RFC 5424 structured data: read as far as it is well formed");
                return skipElement(text, pos);
            }
            pos++;
        }
        return pos;
    }

    private static int skipElement(String text, int from) {
        int close = text.indexOf(']', from);
        return close < 0 ? text.length() : close + 1;
    }
}
