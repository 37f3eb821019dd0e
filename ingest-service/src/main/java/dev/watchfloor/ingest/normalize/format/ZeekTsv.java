package dev.watchfloor.ingest.normalize.format;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;

/**
 * Zeek's ASCII (TSV) logs, as the Zeek ASCII writer documents them: a header of {@code #separator} (written
 * {@code \x09}), {@code #set_separator}, {@code #empty_field}, {@code #unset_field}, {@code #path}, {@code #open},
 * {@code #fields} and {@code #types}, then one record per line, and {@code #close} at the end. A body may hold several
 * logs one after the other; each header block applies to the lines after it.
 *
 * <p>
 * Each record gets the field names and value types Zeek's JSON writer would give: {@code count}, {@code int},
 * {@code port}, {@code double}, {@code time} and {@code interval} as numbers, {@code bool} as true/false, sets and
 * vectors as arrays, the empty-field marker as an empty array (containers) or empty string, the unset marker omitted,
 * {@code \xHH} escapes decoded; plus {@code _path} from {@code #path}. A line with the wrong number of fields, or one
 * before any {@code #fields} line, is quarantined.
 */
public final class ZeekTsv {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ZeekTsv() {
    }

    /** Whether the body is a Zeek TSV log (it starts with {@code #separator}). */
    public static boolean looksLike(String body) {
        return body.startsWith("#separator");
    }

    /** The log's records, each with its character offset; fields named as in Zeek's JSON logs. */
    public static List<Piece> records(String body) {
        List<Piece> pieces = new ArrayList<>();
        ZeekTsvHeader header = new ZeekTsvHeader();
        BodyLines.each(body, 0, (line, offset) -> {
            if (line.startsWith("#")) {
                header.read(line);
            } else if (!line.isBlank()) {
                pieces.add(record(header, line, offset));
            }
            return true;
        });
        return pieces;
    }

    private static Piece record(ZeekTsvHeader header, String line, int offset) {
        if (header.fields == null) {
            return Piece.quarantined(offset, "Zeek TSV record before any #fields header line", line);
        }
        String[] values = split(line, header.separator);
        if (values.length != header.fields.length) {
            return Piece.quarantined(offset, "Zeek TSV record has " + values.length + " fields, the header names "
                    + header.fields.length, line);
        }
        ObjectNode fields = NODES.objectNode();
        if (header.path != null) {
            fields.put("_path", header.path);
        }
        for (int i = 0; i < values.length; i++) {
            String type = header.types != null && i < header.types.length ? header.types[i] : "string";
            JsonNode value = value(values[i], type, header);
            if (value != null) {
                fields.set(header.fields[i], value);
            }
        }
        return Piece.read(offset, new Parsed("tsv", fields, line, new ArrayList<>()));
    }

    private static JsonNode value(String text, String type, ZeekTsvHeader header) {
        if (text.equals(header.unset)) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        boolean container = t.startsWith("set[") || t.startsWith("vector[") || t.startsWith("table[");
        if (container) {
            ArrayNode array = NODES.arrayNode();
            if (text.equals(header.empty)) {
                return array;
            }
            String element = t.substring(t.indexOf('[') + 1, t.length() - (t.endsWith("]") ? 1 : 0));
            for (String item : split(text, header.setSeparator)) {
                JsonNode v = item.equals(header.unset) ? NODES.nullNode() : scalar(item, element);
                array.add(v);
            }
            return array;
        }
        if (text.equals(header.empty)) {
            return NODES.textNode("");
        }
        return scalar(text, t);
    }

    private static JsonNode scalar(String text, String type) {
        switch (type) {
            case "count", "int", "port" -> {
                if (text.transform(Regexes.matches("-?\\d{1,18}"))) {
                    return NODES.numberNode(Long.parseLong(text));
                }
            }
            case "double", "time", "interval" -> {
                if (text.transform(Regexes.matches("-?\\d{1,20}(\\.\\d{1,12})?([eE][-+]?\\d{1,3})?"))) {
                    return NODES.numberNode(new BigDecimal(text));
                }
            }
            case "bool" -> {
                if (text.equals("T") || text.equals("F")) {
                    return NODES.booleanNode(text.equals("T"));
                }
            }
            default -> {
                return NODES.textNode(unescape(text));
            }
        }
        return NODES.textNode(unescape(text));
    }

    /** Splits on a literal separator, keeping empty fields. */
    static String[] split(String line, String separator) {
        if (separator.isEmpty()) {
            return new String[]{line};
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = line.indexOf(separator, from)) >= 0) {
            parts.add(line.substring(from, at));
            from = at + separator.length();
        }
        parts.add(line.substring(from));
        return parts.toArray(String[]::new);
    }

    /** Decodes Zeek's {@code \xHH} escapes; anything else stays as written. */
    static String unescape(String text) {
        if (text.indexOf("\\x") < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'x' && hex(text, i + 2) >= 0) {
                bytes.write(hex(text, i + 2));
                i += 3;
            } else {
                flush(bytes, b);
                b.append(c);
            }
        }
        flush(bytes, b);
        return b.toString();
    }

    /** Escaped bytes in a row: UTF-8 when they are (Zeek escapes multibyte characters byte by byte), else Latin-1. */
    private static void flush(ByteArrayOutputStream bytes, StringBuilder b) {
        if (bytes.size() == 0) {
            return;
        }
        byte[] raw = bytes.toByteArray();
        bytes.reset();
        try {
            b.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)));
        } catch (CharacterCodingException e) {
            b.append(new String(raw, StandardCharsets.ISO_8859_1));
        }
    }

    private static int hex(String text, int at) {
        if (at + 2 > text.length()) {
            return -1;
        }
        int hi = Character.digit(text.charAt(at), 16);
        int lo = Character.digit(text.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
