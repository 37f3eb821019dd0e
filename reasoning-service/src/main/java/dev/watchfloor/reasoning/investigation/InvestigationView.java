package dev.watchfloor.reasoning.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.pipeline.StepTimer;

/** One investigation in full: verdict, the evidence it saw, findings, each step's latency, and its actions. */
public record InvestigationView(String id, String alertId, String title, String status, String verdict,
        String severity, Double confidence, int attempts, Instant createdAt, Instant completedAt, String traceId,
        String lastError, String route, ModelCall modelCall, List<String> techniques, List<Evidence> evidence,
        List<Assessment.Finding> findings, List<String> verificationProblems, List<StepTimer.Step> steps,
        List<ActionState> actions, String actionsError) {

    /**
     * What governance decided before the model call: the policy version, the data's classification, the budget's answer
     * and what was redacted (occurrences per detector or field, never a value).
     */
    public record ModelCall(String policy, String classification, String budget, Map<String, Integer> redactions) {
    }

    public record ActionState(String actionId, String type, String target, String state, String approvalId,
            String detail) {
    }
}
