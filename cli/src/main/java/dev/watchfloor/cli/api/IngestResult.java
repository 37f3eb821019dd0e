package dev.watchfloor.cli.api;

import java.util.List;

/** ingest's verdict on one submitted record: {@code accepted} with the new id, or {@code rejected} with a reason. */
public record IngestResult(int index, String status, String id, String reason) {

    public boolean accepted() {
        return "accepted".equals(status);
    }

    /** The body of a 202 from {@code POST /v1/alerts} or {@code POST /v1/events}. */
    public record Batch(List<IngestResult> results) {

        public Batch {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }
}
