package dev.watchfloor.reasoning.queue;

import java.util.UUID;

/**
 * A leased investigation: what the pipeline needs to run it. {@code reruns} counts the reruns analysts asked for: each
 * is paid for and recorded as a run of its own.
 */
public record QueuedInvestigation(UUID id, String tenant, String alertId, String source, String title,
        int severityId, String traceparent, int attempts, String leaseOwner, int reruns) {
}
