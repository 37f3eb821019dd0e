package dev.watchfloor.ledger;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored audit entry, exactly as it is hashed. Ids that do not apply are empty strings, never null, so that the
 * hashed form has one spelling for "none" (null is accepted here and turned into ""). {@code recordedAt} stays the text
 * it was stored as (RFC 3339 UTC with microseconds, e.g. {@code 2026-11-27T15:04:05.123456Z}): re-formatting a parsed
 * instant could change the bytes and so the hash. {@code hash} is empty until {@link #withHash()} computes it.
 */
public record AuditRecord(UUID id, String tenant, long seq, String recordedAt, String actor, String onBehalfOf,
        String eventType, String alertId, String investigationId, String actionId, String traceId,
        String idempotencyKey, JsonNode details, String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(details, "details");
        actor = nz(actor);
        onBehalfOf = nz(onBehalfOf);
        eventType = nz(eventType);
        alertId = nz(alertId);
        investigationId = nz(investigationId);
        actionId = nz(actionId);
        traceId = nz(traceId);
        idempotencyKey = nz(idempotencyKey);
        prevHash = nz(prevHash);
        hash = nz(hash);
    }

    /** This entry with its hash computed from its content and {@code prevHash}. */
    public AuditRecord withHash() {
        return withHash(ChainHash.of(this));
    }

    /** This entry chained after the entry whose hash is given, with its own hash computed. */
    public AuditRecord chainedAfter(String previousHash) {
        return new AuditRecord(id, tenant, seq, recordedAt, actor, onBehalfOf, eventType, alertId, investigationId,
                actionId, traceId, idempotencyKey, details, previousHash, "").withHash();
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(id, tenant, seq, recordedAt, actor, onBehalfOf, eventType, alertId, investigationId,
                actionId, traceId, idempotencyKey, details, prevHash, newHash);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
