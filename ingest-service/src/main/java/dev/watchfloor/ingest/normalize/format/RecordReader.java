package dev.watchfloor.ingest.normalize.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Splits a request body into records and reads each one, never throwing on bad input: what cannot be read becomes a
 * quarantined {@link Piece} with its byte offset and the reason.
 *
 * <ul>
 * <li>Bytes: invalid UTF-8 is replaced (warned); a byte-order mark is dropped.</li>
 * <li>JSON (the body starts with {@code {} or {@code [}): one object, an array, NDJSON, or concatenated and
 * pretty-printed values; envelopes ({@code Records}, {@code records}, {@code value}, {@code events}, {@code data},
 * {@code items}, Security Hub's {@code Findings}) are opened, an empty one is zero records. Comments, trailing commas,
 * single quotes, unquoted keys and raw control characters are repaired when that reads the record (each repair named in
 * a warning; {@link LenientJson}); duplicate keys keep the last value (warned); JSON held in a string field is read as
 * JSON (warned; {@link FieldCleaner}); a record that still cannot be read, such as a truncated one, is quarantined from
 * its start. NDJSON is read line by line, so one bad line costs only itself; so is a body of lines that mixes JSON with
 * other formats (a relay's), each line read in its own format.</li>
 * <li>XML: each {@code <Event>} element (Windows event XML) is a record.</li>
 * <li>Text: Zeek TSV logs, VPC flow logs, SiLK rwcut tables and rendered Windows events are recognised as wholes;
 * otherwise each non-empty line is a record, read by {@link TextFormats} (syslog, CEF, LEEF, key=value, ...).</li>
 * </ul>
 * Every string is cleaned for storage: NUL and other C0 controls except tab and newlines are replaced, and a value
 * longer than the field limit is cut (warned).
 */
public final class RecordReader {

    /** Keys whose array value is the records of an envelope object. */
    private static final Set<String> ENVELOPES = Set.of("Records", "records", "value", "events", "data", "items",
            "Findings");
    /** Keys an envelope may carry beside its records (paging, counts). */
    private static final int MAX_ENVELOPE_KEYS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FieldCleaner cleaner;
    private final int maxRecords;

    /**
     * @param maxFieldChars
     *            a string value longer than this is cut (and warned)
     * @param maxRecords
     *            reading stops after this many records (the caller answers 413 when it is exceeded)
     */
    public RecordReader(int maxFieldChars, int maxRecords) {
        this.cleaner = new FieldCleaner(maxFieldChars);
        this.maxRecords = maxRecords;
    }

    /** How to read a body: detect its format, or read it as JSON (the client said so). */
    public enum Hint {
        DETECT, JSON
    }

    public List<Piece> read(byte[] body, Hint hint) {
        List<String> bodyWarnings = new ArrayList<>();
        String text = decode(body, bodyWarnings);
        int start = 0;
        if (text.startsWith("\uFEFF")) {
            start = 1;
        }
        int first = firstNonWhitespace(text, start);
        int significant = afterLeadingComments(text, first);
        List<Piece> pieces;
        if (first < 0) {
            pieces = List.of();
        } else if (significant >= 0 && (text.charAt(significant) == '{' || text.charAt(significant) == '[')
                || hint == Hint.JSON) {
            pieces = lineShaped(text, first, hint == Hint.JSON) ? lines(text, first, true) : json(text, first);
        } else if (text.charAt(first) == '<'
                && !Syslog.startsWithPri(text.substring(first, Math.min(text.length(), first + 6)))) {
            pieces = XmlEvents.records(text, first);
        } else if (ZeekTsv.looksLike(text.substring(first))) {
            pieces = shift(ZeekTsv.records(text.substring(first)), first);
        } else if (VpcFlowText.looksLike(text.substring(first))) {
            pieces = shift(VpcFlowText.records(text.substring(first)), first);
        } else if (SilkText.looksLike(text, first)) {
            pieces = shift(SilkText.records(text.substring(first)), first);
        } else if (WindowsText.looksLike(text.substring(first))) {
            pieces = shift(WindowsText.records(text.substring(first)), first);
        } else {
            pieces = lines(text, first, false);
        }
        List<Piece> out = new ArrayList<>(pieces.size());
        ByteOffsets offsets = new ByteOffsets(text);
        for (Piece p : pieces) {
            long at = offsets.byteOffset((int) p.offset());
            if (p.isQuarantined()) {
                out.add(Piece.quarantined(at, p.reason(), p.raw()));
            } else {
                p.parsed().warnings().addAll(0, bodyWarnings);
                cleaner.clean(p.parsed().fields(), p.parsed().warnings());
                out.add(Piece.read(at, p.parsed()));
            }
        }
        return out;
    }

    /**
     * One message whose framing the transport already did (a syslog frame, a HEC raw line): read as a text record, or
     * as JSON when it is an object, and cleaned like any other record.
     */
    public Piece message(String text, long offset) {
        String stripped = text.strip();
        Piece piece;
        if (stripped.startsWith("{")) {
            List<Piece> json = json(stripped, 0);
            piece = json.size() == 1 ? json.get(0) : Piece.read(0, TextFormats.parse(text));
        } else {
            piece = Piece.read(0, TextFormats.parse(text));
        }
        if (piece.isQuarantined()) {
            return Piece.quarantined(offset, piece.reason(), text);
        }
        cleaner.clean(piece.parsed().fields(), piece.parsed().warnings());
        return Piece.read(offset, piece.parsed());
    }

    private static List<Piece> shift(List<Piece> pieces, int by) {
        return pieces.stream().map(p -> new Piece(p.offset() + by, p.parsed(), p.reason(), p.raw())).toList();
    }

    /**
     * The body as text; invalid UTF-8 becomes U+FFFD, with a warning. The JDK's own decoding (fast for ASCII) replaces
     * malformed input with U+FFFD, so a result without one was valid; only one with a U+FFFD (replaced, or sent as
     * such) is checked again by a strict decoder.
     */
    static String decode(byte[] body, List<String> warnings) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            warnings.add("invalid UTF-8 replaced with U+FFFD");
        }
        return text;
    }

    /**
     * Whether a body that starts with JSON is one record per line: more than one line, each line that starts with
     * {@code {} or {@code [} a whole value on its own, and no line that could only be the inside of a value spread over
     * lines (starting with whitespace, a quote, a comma, a colon, a closing bracket or a comment's slash). NDJSON is,
     * and so is a relay's body mixing JSON lines with syslog, CEF or Windows XML lines (unless the client said the body
     * is JSON: {@code onlyJson}); pretty-printed JSON is not.
     */
    private static boolean lineShaped(String text, int from, boolean onlyJson) {
        int lines = 0;
        int pos = from;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int a = pos;
            int z = end - 1;
            while (a <= z && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (z >= a && Character.isWhitespace(text.charAt(z))) {
                z--;
            }
            if (a <= z) {
                char first = text.charAt(a);
                char last = text.charAt(z);
                boolean whole = first == '{' && last == '}' || first == '[' && last == ']';
                if (!whole && (onlyJson || a > pos || "{[}]\"',:/".indexOf(first) >= 0)) {
                    return false;
                }
                lines++;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return lines > 1;
    }

    /**
     * One record per non-empty line, each line's format detected on its own: a Windows {@code <Event>}, a JSON value
     * ({@code {} or {@code [}) in a body that starts with JSON, or a text line ({@link TextFormats}: syslog, CEF, LEEF,
     * key=value, a JSON object, ...). In a text body, a line in brackets that is not JSON stays a text line.
     */
    private List<Piece> lines(String text, int from, boolean jsonFirst) {
        List<Piece> pieces = new ArrayList<>();
        BodyLines.each(text, from, (line, offset) -> {
            if (!line.isBlank()) {
                int at = firstNonWhitespace(line, 0);
                char c = line.charAt(at);
                if (jsonFirst && (c == '{' || c == '[')) {
                    jsonLine(line, offset, pieces);
                } else if (line.startsWith("<Event", at)) {
                    pieces.addAll(shift(XmlEvents.records(line, at), offset));
                } else {
                    pieces.add(Piece.read(offset, TextFormats.parse(line)));
                }
            }
            return pieces.size() <= maxRecords;
        });
        return pieces;
    }

    /** One NDJSON line: exactly one value (repaired if need be), else the whole line is quarantined. */
    private void jsonLine(String line, int lineStart, List<Piece> pieces) {
        int at = firstNonWhitespace(line, 0);
        LenientJson.Value value = LenientJson.value(line, at);
        if (value.node() == null) {
            pieces.add(Piece.quarantined(lineStart + at, value.error(), line));
        } else if (firstNonWhitespace(line, value.end()) >= 0) {
            pieces.add(Piece.quarantined(lineStart + at, "unreadable JSON line: text after the value at character "
                    + (lineStart + value.end()) + " of the body", line));
        } else {
            open(value.node(), line.substring(at, value.end()), lineStart + at, value.warnings(), pieces, 0);
        }
    }

    /**
     * A stream of JSON values from {@code from}: arrays and envelopes opened. Values are read strictly with one parser
     * while they can be; a value that fails is read again with repairs, and when that fails too, the rest of the body
     * from its start is quarantined.
     */
    private List<Piece> json(String text, int from) {
        List<Piece> pieces = new ArrayList<>();
        int pos = from;
        while (pos >= 0 && pos < text.length() && pieces.size() <= maxRecords) {
            pos = strictRun(text, pos, pieces);
            if (pos < 0 || pieces.size() > maxRecords) {
                break;
            }
            LenientJson.Value value = LenientJson.value(text, pos);
            if (value.node() == null) {
                int next = nextValueLine(text, pos);
                pieces.add(Piece.quarantined(pos, value.error(), text.substring(pos, next < 0 ? text.length() : next)));
                pos = next;
                continue;
            }
            open(value.node(), text.substring(pos, value.end()), pos, value.warnings(), pieces, 0);
            pos = firstNonWhitespace(text, value.end());
        }
        return pieces;
    }

    /** The start of the next line (after {@code pos}) that begins with '{' or '[', or -1: where reading resumes. */
    private static int nextValueLine(String text, int pos) {
        int nl = text.indexOf('\n', pos);
        while (nl >= 0 && nl + 1 < text.length()) {
            char c = text.charAt(nl + 1);
            if (c == '{' || c == '[') {
                return nl + 1;
            }
            nl = text.indexOf('\n', nl + 1);
        }
        return -1;
    }

    /** Reads strict values from {@code pos}; answers where the first value that fails starts, or -1 at the end. */
    private int strictRun(String text, int pos, List<Piece> pieces) {
        JsonFactory factory = LenientJson.strictFactory();
        String run = text.substring(pos);
        int start = 0;
        try (JsonParser parser = factory.createParser(run)) {
            parser.setCodec(JSON);
            while (pieces.size() <= maxRecords) {
                start = nextStart(run, start);
                if (start < 0) {
                    return -1;
                }
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return -1;
                }
                start = (int) parser.currentTokenLocation().getCharOffset();
                JsonNode node = parser.readValueAsTree();
                int end = (int) parser.currentLocation().getCharOffset();
                open(node, run.substring(start, end), pos + start, List.of(), pieces, 0);
                start = end;
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return pos + start;
        }
    }

    private static int nextStart(String run, int from) {
        return firstNonWhitespace(run, from);
    }

    /** Adds the records a top-level value holds: itself, an array's items, or an envelope's records. */
    private void open(JsonNode node, String raw, int offset, List<String> warnings, List<Piece> out, int depth) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (depth == 0 && (item.isArray() || envelope(item) != null)) {
                    open(item, item.toString(), offset, warnings, out, depth + 1);
                } else {
                    add(item, item.toString(), offset, warnings, out);
                }
            }
            return;
        }
        ArrayNode records = envelope(node);
        if (records != null) {
            for (JsonNode item : records) {
                add(item, item.toString(), offset, warnings, out);
            }
            return;
        }
        add(node, raw, offset, warnings, out);
    }

    private static void add(JsonNode item, String raw, int offset, List<String> warnings, List<Piece> out) {
        JsonNode record = item;
        List<String> own = new ArrayList<>(warnings);
        if (item.isTextual() && item.asText().strip().startsWith("{")) {
            try {
                record = JSON.readTree(item.asText());
                own.add("record sent as a JSON string: read as JSON");
            } catch (IOException e) {
                // stays a string: quarantined below
            }
        }
        if (!record.isObject()) {
            out.add(Piece.quarantined(offset, "a record must be a JSON object, got "
                    + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT), raw));
            return;
        }
        out.add(Piece.read(offset, new Parsed("json", (ObjectNode) record, raw, own)));
    }

    /** The records array of an envelope object, or null when the object is a record itself. */
    private static ArrayNode envelope(JsonNode node) {
        if (!node.isObject() || node.size() > MAX_ENVELOPE_KEYS) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ENVELOPES.contains(field.getKey()) && field.getValue().isArray()
                    && (field.getValue().isEmpty() || field.getValue().get(0).isObject())) {
                return (ArrayNode) field.getValue();
            }
        }
        return null;
    }

    /** The first character after comment lines ({@code //} or {@code /* ... *}{@code /}) at the start, or -1. */
    private static int afterLeadingComments(String text, int from) {
        int at = from;
        while (at >= 0 && at + 1 < text.length() && text.charAt(at) == '/') {
            if (text.charAt(at + 1) == '/') {
                int nl = text.indexOf('\n', at);
                at = nl < 0 ? -1 : firstNonWhitespace(text, nl + 1);
            } else if (text.charAt(at + 1) == '*') {
                int end = text.indexOf("*/", at + 2);
                at = end < 0 ? -1 : firstNonWhitespace(text, end + 2);
            } else {
                break;
            }
        }
        return at;
    }

    private static int firstNonWhitespace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Converts increasing character offsets of a string to UTF-8 byte offsets in one pass. */
    private static final class ByteOffsets {

        private final String text;
        private int chars;
        private long bytes;

        ByteOffsets(String text) {
            this.text = text;
        }

        long byteOffset(int charOffset) {
            if (charOffset < chars) {
                chars = 0;
                bytes = 0;
            }
            while (chars < charOffset && chars < text.length()) {
                char c = text.charAt(chars);
                if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 4;
                    chars++;
                } else {
                    bytes += 3;
                }
                chars++;
            }
            return bytes;
        }
    }
}
