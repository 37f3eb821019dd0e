package dev.watchfloor.reasoning.llm;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Severity;

/** A model's answer as the answer schema describes it; targets are handles from the prompt's target list. */
@RegisterForReflection(targets = {ModelAnswer.Finding.class, ModelAnswer.Action.class})
public record ModelAnswer(Verdict verdict, Severity severity, Double confidence, List<String> techniques,
        String summary, List<Finding> findings, List<Action> actions) {

    public record Finding(String statement, List<String> evidenceIds) {
    }

    public record Action(ActionType type, String target, String justification, List<String> evidenceIds) {
    }
}
