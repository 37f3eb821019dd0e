package dev.watchfloor.reasoning.queue;

import java.util.UUID;

/** A leased investigation: what the pipeline needs to run it. */
public record QueuedInvestigation(UUID id, String tenant, String alertId, String source, String title,
        int severityId, String traceparent, int attempts, String leaseOwner) {
}
