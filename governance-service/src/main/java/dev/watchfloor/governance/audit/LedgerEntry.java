package dev.watchfloor.governance.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored audit entry, as hashed. */
public record LedgerEntry(UUID id, String tenant, long seq, Instant recordedAt, String actor, String eventType,
        String alertId, String investigationId, String actionId, String traceId, String details, String prevHash,
        String hash) {
}
