package dev.watchfloor.ingest.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row joined with the alert it hands off. */
record PendingAlert(long outboxId, int attempts, String traceparent, String tenant, UUID alertId, String source,
        String title, int severityId, Instant receivedAt, String submittedBy) {
}
