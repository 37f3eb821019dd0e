package dev.watchfloor.reasoning.investigator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an assessment against the evidence it was given: every finding cites at least one existing evidence id, and
 * every action targets an entity that appears in the evidence. Violations are reported and the offending actions
 * removed; an assessment with unsupported findings is downgraded to needs_review.
 */
public final class AssessmentVerifier {

    private AssessmentVerifier() {
    }

    public record Verified(Assessment assessment, List<String> problems) {
    }

    public static Verified verify(Assessment a, List<Evidence> evidence) {
        Set<String> ids = evidence.stream().map(Evidence::id).collect(Collectors.toSet());
        Set<String> entities = evidence.stream().flatMap(e -> e.entities().stream()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Assessment.Finding f : a.findings()) {
            if (f.evidenceIds().isEmpty() || !ids.containsAll(f.evidenceIds())) {
                problems.add("finding cites no or unknown evidence: " + f.statement());
            }
        }
        boolean findingsHold = problems.isEmpty();
        List<Assessment.ProposedAction> actions = new ArrayList<>();
        for (Assessment.ProposedAction action : a.actions()) {
            if (entities.contains(action.target())) {
                actions.add(action);
            } else {
                problems.add("action " + action.type().wire() + " targets " + action.target()
                        + ", which is not in the evidence");
            }
        }
        Verdict verdict = findingsHold ? a.verdict() : Verdict.NEEDS_REVIEW;
        return new Verified(new Assessment(verdict, a.severity(), a.confidence(), a.techniques(), a.findings(),
                findingsHold ? actions : List.of()), problems);
    }
}
