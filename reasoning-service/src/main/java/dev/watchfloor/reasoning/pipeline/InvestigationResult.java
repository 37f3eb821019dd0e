package dev.watchfloor.reasoning.pipeline;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.llm.ModelCallRecord;
import dev.watchfloor.reasoning.verify.CheckResult;

/**
 * What one completed run produced, stored as the investigation's result document. {@code path} says which investigator
 * produced the assessment ({@code model}, {@code deterministic}, or {@code hold} when the budget is spent and the
 * policy holds for a human) and {@code pathReason} why; {@code redactions} counts what governance redacted before the
 * model call, per detector or field, never the values.
 */
@RegisterForReflection(targets = {Assessment.class, Assessment.Finding.class, Assessment.ProposedAction.class,
        Evidence.class, StepTimer.Step.class, CheckResult.class, ModelCallRecord.class,
        dev.watchfloor.reasoning.llm.ModelRun.class})
public record InvestigationResult(String path, String pathReason, String route, String model, String promptVersion,
        String policy, String classification, String budget, Map<String, Integer> redactions, int tokensUsed,
        int itemsDropped, List<Evidence> evidence, Assessment assessment, List<CheckResult> verification,
        List<ModelCallRecord> modelCalls, double costUsd, List<StepTimer.Step> steps) {
}
