package dev.watchfloor.ledger;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one line of an export with the streaming parser (a tree per line costs more than the rest of verification):
 * exactly one JSON object, each member once and of its type, exactly the members of its kind.
 */
final class ExportLine {

    private enum Member {

        KIND("kind"), FORMAT("format"), TENANT("tenant"), EXPORTED_AT("exportedAt"), ID("id"), SEQ("seq"), RECORDED_AT(
                "recordedAt"), ACTOR("actor"), ON_BEHALF_OF("onBehalfOf"), EVENT_TYPE("eventType"), ALERT_ID(
                        "alertId"), INVESTIGATION_ID("investigationId"), ACTION_ID("actionId"), TRACE_ID(
                                "traceId"), IDEMPOTENCY_KEY("idempotencyKey"), DETAILS("details"), PREV_HASH(
                                        "prevHash"), HASH("hash"), HEAD_HASH("headHash"), CREATED_AT(
                                                "createdAt"), KEY_ID("keyId"), SIGNATURE("signature");

        private static final Map<String, Member> BY_NAME = new HashMap<>();
        static {
            for (Member m : values()) {
                BY_NAME.put(m.json, m);
            }
        }

        private final String json;

        Member(String json) {
            this.json = json;
        }
    }

    private static final Set<Member> HEADER = EnumSet.of(Member.KIND, Member.FORMAT, Member.TENANT,
            Member.EXPORTED_AT);
    private static final Set<Member> ENTRY = EnumSet.complementOf(EnumSet.of(Member.FORMAT, Member.EXPORTED_AT,
            Member.HEAD_HASH, Member.CREATED_AT, Member.KEY_ID, Member.SIGNATURE));
    private static final Set<Member> CHECKPOINT = EnumSet.of(Member.KIND, Member.TENANT, Member.SEQ,
            Member.HEAD_HASH, Member.CREATED_AT, Member.KEY_ID, Member.SIGNATURE);

    private final long line;
    private final Object[] values = new Object[Member.values().length];

    private ExportLine(long line) {
        this.line = line;
    }

    static ExportHeader header(LineSource lines) throws IOException {
        ExportLine l = parse(lines);
        if (!"header".equals(l.text(Member.KIND))) {
            throw new MalformedExportException(l.line, "the first line must be the header (kind \"header\")");
        }
        l.exactly(HEADER);
        String format = l.text(Member.FORMAT);
        if (!AuditExport.FORMAT.equals(format)) {
            throw new MalformedExportException(l.line, "unknown format " + format + ", expected " + AuditExport.FORMAT);
        }
        return new ExportHeader(format, l.text(Member.TENANT), l.text(Member.EXPORTED_AT));
    }

    static ExportItem item(LineSource lines) throws IOException {
        ExportLine l = parse(lines);
        String kind = l.text(Member.KIND);
        return switch (kind) {
            case "entry" -> new ExportItem.Entry(l.line, l.entry());
            case "checkpoint" -> new ExportItem.Mark(l.line, l.checkpoint());
            default -> throw new MalformedExportException(l.line, "unknown kind " + kind);
        };
    }

    private AuditRecord entry() throws MalformedExportException {
        exactly(ENTRY);
        return new AuditRecord(uuid(text(Member.ID)), text(Member.TENANT), (Long) values[Member.SEQ.ordinal()],
                text(Member.RECORDED_AT), text(Member.ACTOR), text(Member.ON_BEHALF_OF), text(Member.EVENT_TYPE),
                text(Member.ALERT_ID), text(Member.INVESTIGATION_ID), text(Member.ACTION_ID), text(Member.TRACE_ID),
                text(Member.IDEMPOTENCY_KEY), (JsonNode) values[Member.DETAILS.ordinal()], text(Member.PREV_HASH),
                text(Member.HASH));
    }

    private Checkpoint checkpoint() throws MalformedExportException {
        exactly(CHECKPOINT);
        return new Checkpoint(text(Member.TENANT), (Long) values[Member.SEQ.ordinal()], text(Member.HEAD_HASH),
                text(Member.CREATED_AT), text(Member.KEY_ID), text(Member.SIGNATURE));
    }

    private static ExportLine parse(LineSource lines) throws IOException {
        ExportLine l = new ExportLine(lines.number());
        if (lines.blank()) {
            throw new MalformedExportException(l.line, "is empty; every line is one JSON object");
        }
        try (JsonParser parser = lines.parser()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedExportException(l.line, "must be a JSON object");
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                l.read(parser, name);
            }
            if (parser.nextToken() != null) {
                throw new MalformedExportException(l.line, "is not valid JSON: more after the object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedExportException(l.line, "is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return l;
    }

    private void read(JsonParser parser, String name) throws IOException {
        Member member = Member.BY_NAME.get(name);
        if (member == null) {
            throw new MalformedExportException(line, "unexpected member " + name);
        }
        JsonToken token = parser.nextToken();
        if (member == Member.DETAILS) {
            values[member.ordinal()] = StrictJson.INNER_VALUE.readTree(parser);
        } else if (member == Member.SEQ) {
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new MalformedExportException(line, name + " must be an integer");
            }
            values[member.ordinal()] = parser.getLongValue();
        } else if (token == JsonToken.VALUE_STRING) {
            values[member.ordinal()] = parser.getText();
        } else {
            throw new MalformedExportException(line, name + " must be a string");
        }
    }

    /** Every member of the kind present, and no other. */
    private void exactly(Set<Member> members) throws MalformedExportException {
        for (Member m : Member.values()) {
            boolean present = values[m.ordinal()] != null;
            if (present != members.contains(m)) {
                throw new MalformedExportException(line, (present ? "unexpected member " : "missing member ") + m.json);
            }
        }
    }

    private String text(Member member) throws MalformedExportException {
        Object value = values[member.ordinal()];
        if (value == null) {
            throw new MalformedExportException(line, "missing member " + member.json);
        }
        return (String) value;
    }

    /** A UUID in its one lower-case spelling: the hash covers that spelling, so no other may stand for it. */
    private UUID uuid(String text) throws MalformedExportException {
        if (text.length() == 36) {
            boolean canonical = true;
            for (int i = 0; i < 36 && canonical; i++) {
                char c = text.charAt(i);
                canonical = i == 8 || i == 13 || i == 18 || i == 23
                        ? c == '-'
                        : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            }
            if (canonical) {
                return UUID.fromString(text);
            }
        }
        throw new MalformedExportException(line, "id must be a lower-case UUID");
    }
}
