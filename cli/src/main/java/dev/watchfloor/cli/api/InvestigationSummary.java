package dev.watchfloor.cli.api;

import java.util.List;

/** One entry of {@code GET /v1/investigations}. */
public record InvestigationSummary(String id, String alertId, String status, String verdict, String severity,
        Double confidence, String createdAt, String completedAt, String traceId) {

    /** True once the investigation will not change any more. */
    public boolean finished() {
        return "completed".equals(status) || "failed".equals(status);
    }

    /** The body of {@code GET /v1/investigations}. */
    public record Page(List<InvestigationSummary> items) {

        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
