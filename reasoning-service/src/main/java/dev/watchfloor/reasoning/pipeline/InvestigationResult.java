package dev.watchfloor.reasoning.pipeline;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;

/** What one completed run produced, stored as the investigation's result document. */
@RegisterForReflection(targets = {Assessment.class, Assessment.Finding.class, Assessment.ProposedAction.class,
        Evidence.class, StepTimer.Step.class})
public record InvestigationResult(String route, String policy, int tokensUsed, int itemsDropped,
        List<Evidence> evidence, Assessment assessment, List<String> verificationProblems,
        List<StepTimer.Step> steps) {
}
