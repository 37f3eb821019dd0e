package dev.watchfloor.cli.api;

import java.util.List;

/**
 * ingest's verdict on one record found in a submitted body: {@code accepted} (stored as {@code id}), {@code duplicate}
 * (already stored as {@code id}), {@code grouped} (stored as {@code id} in an alert group whose {@code leader} is the
 * alert investigated), or {@code quarantined} (kept as quarantine entry {@code id}, with the {@code reason}).
 */
public record IngestResult(int index, String status, String id, String group, String leader, String reason) {

    /** Stored, now or before: everything but quarantined. */
    public boolean accepted() {
        return !"quarantined".equals(status);
    }

    /** The alert whose investigation covers this record: the group's leader for a grouped alert, else its own id. */
    public String investigatedAlert() {
        return leader != null ? leader : id;
    }

    /** The body of a 202 from {@code POST /v1/alerts} or {@code POST /v1/events}. */
    public record Batch(List<IngestResult> results) {

        public Batch {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }
}
