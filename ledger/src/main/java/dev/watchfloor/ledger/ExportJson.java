package dev.watchfloor.ledger;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes the lines of an export; {@link ExportLine} reads them, naming the same members. */
final class ExportJson {

    private ExportJson() {
    }

    static void writeHeader(JsonGenerator out, String tenant, String exportedAt) throws IOException {
        out.writeStartObject();
        out.writeStringField("kind", "header");
        out.writeStringField("format", AuditExport.FORMAT);
        out.writeStringField("tenant", tenant);
        out.writeStringField("exportedAt", exportedAt);
        out.writeEndObject();
    }

    static void writeEntry(JsonGenerator out, AuditRecord e) throws IOException {
        out.writeStartObject();
        out.writeStringField("kind", "entry");
        out.writeStringField("id", e.id().toString());
        out.writeStringField("tenant", e.tenant());
        out.writeNumberField("seq", e.seq());
        out.writeStringField("recordedAt", e.recordedAt());
        out.writeStringField("actor", e.actor());
        out.writeStringField("onBehalfOf", e.onBehalfOf());
        out.writeStringField("eventType", e.eventType());
        out.writeStringField("alertId", e.alertId());
        out.writeStringField("investigationId", e.investigationId());
        out.writeStringField("actionId", e.actionId());
        out.writeStringField("traceId", e.traceId());
        out.writeStringField("idempotencyKey", e.idempotencyKey());
        out.writeFieldName("details");
        out.writeRawValue(CanonicalJson.canonicalize(e.details())); // the hashed form, which reads back fastest
        out.writeStringField("prevHash", e.prevHash());
        out.writeStringField("hash", e.hash());
        out.writeEndObject();
    }

    static void writeCheckpoint(JsonGenerator out, Checkpoint c) throws IOException {
        out.writeStartObject();
        out.writeStringField("kind", "checkpoint");
        out.writeStringField("tenant", c.tenant());
        out.writeNumberField("seq", c.seq());
        out.writeStringField("headHash", c.headHash());
        out.writeStringField("createdAt", c.createdAt());
        out.writeStringField("keyId", c.keyId());
        out.writeStringField("signature", c.signature());
        out.writeEndObject();
    }
}
