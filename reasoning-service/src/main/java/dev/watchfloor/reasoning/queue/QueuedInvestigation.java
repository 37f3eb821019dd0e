package dev.watchfloor.reasoning.queue;

import java.util.UUID;

/**
 * A leased investigation: what the pipeline needs to run it. {@code reruns} counts the reruns analysts asked for: each
 * is paid for and recorded as a run of its own. {@code kept}: an earlier attempt of this run kept its assembled
 * evidence (and, after it, any model answers), so they are worth reading; a first attempt, the common case, reads
 * nothing.
 */
public record QueuedInvestigation(UUID id, String tenant, String alertId, String source, String title,
        int severityId, String traceparent, int attempts, String leaseOwner, int reruns, boolean kept) {
}
