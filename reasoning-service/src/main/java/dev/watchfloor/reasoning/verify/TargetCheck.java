package dev.watchfloor.reasoning.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment;

/**
 * Every action targets an entity that ingest and context extracted deterministically from the alert or its evidence,
 * never text a model wrote: an action aimed anywhere else is dropped and reported. An assessment that asked for one is
 * not trusted either (the model hallucinated a target, or text in the evidence steered it): its verdict becomes
 * {@code needs_review}, keeping only actions that change nothing outside Watchfloor.
 */
final class TargetCheck implements Check {

    static final String NAME = "targets";

    @Override
    public Checked apply(Assessment a, Grounds g) {
        Set<String> extracted = g.c().extractedEntities();
        List<String> problems = new ArrayList<>();
        List<Assessment.ProposedAction> kept = new ArrayList<>();
        for (Assessment.ProposedAction action : a.actions()) {
            if (extracted.contains(action.target())) {
                kept.add(action);
            } else {
                problems.add("action " + action.type().wire() + " targets " + action.target()
                        + ", which is not an entity extracted from the alert or its evidence; dropped");
            }
        }
        if (problems.isEmpty()) {
            return new Checked(a, CheckResult.of(NAME, problems, CheckOutcome.FAILED));
        }
        List<Assessment.ProposedAction> harmless = kept.stream().filter(x -> !x.type().consequential()).toList();
        return new Checked(a.withVerdict(Verdict.NEEDS_REVIEW, harmless),
                CheckResult.of(NAME, problems, CheckOutcome.FAILED));
    }
}
