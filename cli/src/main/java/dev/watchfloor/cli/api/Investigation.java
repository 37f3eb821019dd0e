package dev.watchfloor.cli.api;

import java.util.List;

/** {@code GET /v1/investigations/{id}}: the assessment with its evidence, findings, steps and proposed actions. */
public record Investigation(String id, String alertId, String status, String verdict, String severity,
        Double confidence, String createdAt, String completedAt, String traceId, String title, List<Evidence> evidence,
        List<Finding> findings, List<Step> steps, List<ProposedAction> actions) {

    public Investigation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        findings = findings == null ? List.of() : List.copyOf(findings);
        steps = steps == null ? List.of() : List.copyOf(steps);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public record Evidence(String id, String kind, String summary, Double relevance, String reason,
            List<String> sourceIds) {
    }

    public record Finding(String statement, List<String> evidenceIds) {
    }

    public record Step(String name, String status, Long latencyMs) {
    }

    /** state: proposed, pending_approval, approved, executing, executed, failed, denied. */
    public record ProposedAction(String actionId, String type, String target, String state, String approvalId) {
    }
}
