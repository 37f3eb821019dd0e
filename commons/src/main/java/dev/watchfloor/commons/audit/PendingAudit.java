package dev.watchfloor.commons.audit;

import java.util.UUID;

/**
 * An audit outbox row waiting for delivery: {@code id} is the entry's idempotency key at governance, {@code seq} its
 * place in the order of writes, {@code attempts} the deliveries tried so far (all failed); {@code traceId} and
 * {@code traceparent} are those of the step that recorded it.
 */
record PendingAudit(UUID id, long seq, int attempts, String traceId, String traceparent, AuditEntry entry) {
}
