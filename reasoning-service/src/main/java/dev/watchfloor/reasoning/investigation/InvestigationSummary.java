package dev.watchfloor.reasoning.investigation;

import java.time.Instant;

/** One investigation in a list. */
public record InvestigationSummary(String id, String alertId, String title, String status, String verdict,
        String severity, Double confidence, int attempts, Instant createdAt, Instant completedAt, String traceId,
        String lastError) {
}
