package dev.watchfloor.reasoning.pipeline;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;

/**
 * What one completed run produced, stored as the investigation's result document. {@code redactions} counts what
 * governance redacted before the model call, per detector or field; never the values.
 */
@RegisterForReflection(targets = {Assessment.class, Assessment.Finding.class, Assessment.ProposedAction.class,
        Evidence.class, StepTimer.Step.class})
public record InvestigationResult(String route, String policy, String classification, String budget,
        Map<String, Integer> redactions, int tokensUsed, int itemsDropped, List<Evidence> evidence,
        Assessment assessment, List<String> verificationProblems,
        List<StepTimer.Step> steps) {
}
