package dev.watchfloor.reasoning.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.llm.ModelCallRecord;
import dev.watchfloor.reasoning.pipeline.StepTimer;
import dev.watchfloor.reasoning.verify.CheckResult;

/**
 * One investigation in full: the alert's group as it stands now (the near duplicates attached to it, also those that
 * arrived after it started), the assessment (verdict, summary, findings citing evidence), which path produced it and
 * why, every verification step's result, the evidence it saw, each step's latency and cost, every model call, and its
 * actions with their live state.
 */
public record InvestigationView(String id, String alertId, String title, Group group, String groupError, String status,
        String verdict,
        String severity, Double confidence, int attempts, Instant createdAt, Instant completedAt, String traceId,
        String lastError, String path, String pathReason, String route, String model, String promptVersion,
        ModelCall modelCall, String summary, List<String> techniques, List<Evidence> evidence,
        List<Assessment.Finding> findings, List<CheckResult> verification, List<String> verificationProblems,
        List<StepTimer.Step> steps, List<ModelCallRecord> modelCalls, Double costUsd, List<ActionState> actions,
        String actionsError, Feedback feedback) {

    /**
     * What governance decided before the model call: the policy version, the data's classification, the budget's answer
     * and what was redacted (occurrences per detector or field, never a value).
     */
    public record ModelCall(String policy, String classification, String budget, Map<String, Integer> redactions) {
    }

    /**
     * The alert's group, read from context-service when the view is asked for: the count covers every member, the ids
     * list the first ones in observed order (each fetchable with ingest's {@code GET /v1/alerts/{id}}).
     */
    public record Group(String id, String leaderAlertId, int members, Instant firstSeen, Instant lastSeen,
            List<String> keys, List<String> memberAlertIds, boolean open) {
    }

    public record ActionState(String actionId, String type, String target, String state, String approvalId,
            String detail) {
    }

    /** An analyst's judgement of the verdict, for accuracy tracking: agreed, or the verdict it should have been. */
    public record Feedback(String verdict, boolean agreed, String comment, String by, Instant at) {
    }
}
