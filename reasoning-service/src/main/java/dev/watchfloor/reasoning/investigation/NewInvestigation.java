package dev.watchfloor.reasoning.investigation;

/** An alert handed over for investigation, with the trace it arrived in. */
public record NewInvestigation(String tenant, String alertId, String source, String title, int severityId,
        String receivedAt, String traceparent, String traceId) {
}
