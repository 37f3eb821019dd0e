package dev.watchfloor.ingest.intake;

/** Who submits records, for which tenant, in which trace: the same for every record of one request. */
public record Submission(String tenant, String submittedBy, String traceparent) {
}
