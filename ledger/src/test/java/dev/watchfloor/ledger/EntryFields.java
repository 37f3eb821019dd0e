package dev.watchfloor.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Any field of an entry read or replaced by name, in its text form (the id as a UUID string, seq in decimal, details as
 * canonical JSON), so that tests can change one field at a time. Replacing throws IllegalArgumentException when the
 * text is not a value of that field (not a UUID, not a number, not JSON).
 */
final class EntryFields {

    static final List<String> NAMES = List.of("id", "tenant", "seq", "recordedAt", "actor", "onBehalfOf", "eventType",
            "alertId", "investigationId", "actionId", "traceId", "idempotencyKey", "details", "prevHash", "hash");

    private EntryFields() {
    }

    static String get(AuditRecord e, String name) {
        return switch (name) {
            case "id" -> e.id().toString();
            case "tenant" -> e.tenant();
            case "seq" -> Long.toString(e.seq());
            case "recordedAt" -> e.recordedAt();
            case "actor" -> e.actor();
            case "onBehalfOf" -> e.onBehalfOf();
            case "eventType" -> e.eventType();
            case "alertId" -> e.alertId();
            case "investigationId" -> e.investigationId();
            case "actionId" -> e.actionId();
            case "traceId" -> e.traceId();
            case "idempotencyKey" -> e.idempotencyKey();
            case "details" -> CanonicalJson.canonicalize(e.details());
            case "prevHash" -> e.prevHash();
            case "hash" -> e.hash();
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }

    static AuditRecord set(AuditRecord e, String name, String v) {
        return new AuditRecord(name.equals("id") ? strictUuid(v) : e.id(), pick(name, "tenant", v, e.tenant()),
                name.equals("seq") ? Long.parseLong(v) : e.seq(), pick(name, "recordedAt", v, e.recordedAt()),
                pick(name, "actor", v, e.actor()), pick(name, "onBehalfOf", v, e.onBehalfOf()),
                pick(name, "eventType", v, e.eventType()), pick(name, "alertId", v, e.alertId()),
                pick(name, "investigationId", v, e.investigationId()), pick(name, "actionId", v, e.actionId()),
                pick(name, "traceId", v, e.traceId()), pick(name, "idempotencyKey", v, e.idempotencyKey()),
                name.equals("details") ? StrictJson.parse(v) : e.details(), pick(name, "prevHash", v, e.prevHash()),
                pick(name, "hash", v, e.hash()));
    }

    private static UUID strictUuid(String text) {
        UUID id = UUID.fromString(text);
        if (!id.toString().equals(text)) {
            throw new IllegalArgumentException("not a lower-case UUID: " + text);
        }
        return id;
    }

    private static String pick(String field, String name, String value, String current) {
        return field.equals(name) ? value : current;
    }
}
