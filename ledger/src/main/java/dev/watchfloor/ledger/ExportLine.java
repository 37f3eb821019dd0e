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
 * Reads the object of one export line from the streaming parser: each member once and of its type, exactly the members
 * of its kind, all on that line.
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

    /** Reads the header; the parser is at the START_OBJECT of line 1. */
    static ExportHeader header(JsonParser parser, long line) throws IOException {
        ExportLine l = read(parser, line);
        if (!"header".equals(l.text(Member.KIND))) {
            throw new MalformedExportException(line, "the first line must be the header (kind \"header\")");
        }
        l.exactly(HEADER);
        String format = l.text(Member.FORMAT);
        if (!AuditExport.FORMAT.equals(format)) {
            throw new MalformedExportException(line, "unknown format " + format + ", expected " + AuditExport.FORMAT);
        }
        return new ExportHeader(format, l.text(Member.TENANT), l.text(Member.EXPORTED_AT));
    }

    /** Reads an entry or a checkpoint; the parser is at the START_OBJECT of the line. */
    static ExportItem item(JsonParser parser, long line) throws IOException {
        ExportLine l = read(parser, line);
        String kind = l.text(Member.KIND);
        return switch (kind) {
            case "entry" -> new ExportItem.EntryLine(line, l.entry());
            case "checkpoint" -> new ExportItem.CheckpointLine(line, l.checkpoint());
            default -> throw new MalformedExportException(line, "unknown kind " + kind);
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

    private static ExportLine read(JsonParser parser, long line) throws IOException {
        ExportLine l = new ExportLine(line);
        try {
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                l.member(parser, name);
            }
        } catch (JsonProcessingException e) {
            throw new MalformedExportException(ExportReader.lineOf(e, line), "is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (parser.currentTokenLocation().getLineNr() != line) {
            throw new MalformedExportException(line, "the object goes on past its line");
        }
        return l;
    }

    private void member(JsonParser parser, String name) throws IOException {
        Member member = Member.BY_NAME.get(name);
        if (member == null) {
            throw new MalformedExportException(line, "unexpected member " + name);
        }
        if (values[member.ordinal()] != null) {
            throw new MalformedExportException(line, "is not valid JSON: duplicate member " + name);
        }
        JsonToken token = parser.nextToken();
        if (member == Member.DETAILS) {
            values[member.ordinal()] = JsonTrees.read(parser);
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
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equals(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new MalformedExportException(line, "id must be a lower-case UUID");
    }
}
