package dev.watchfloor.reasoning.investigator;

import java.util.List;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;

/**
 * The typed result of an investigation, from the deterministic investigator or a model: every finding and every
 * proposed action cites evidence ids; every action targets an entity. {@code techniques} are ATT&CK ids.
 */
public record Assessment(Verdict verdict, Severity severity, double confidence, List<String> techniques,
        String summary, List<Finding> findings, List<ProposedAction> actions) {

    public Assessment {
        techniques = List.copyOf(techniques);
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
    }

    public record Finding(String statement, List<String> evidenceIds) {

        public Finding {
            evidenceIds = List.copyOf(evidenceIds);
        }
    }

    public record ProposedAction(ActionType type, String target, String justification, List<String> evidenceIds) {

        public ProposedAction {
            evidenceIds = List.copyOf(evidenceIds);
        }
    }

    /** A human must decide: no conclusion Watchfloor could verify, and nothing proposed beyond what is given. */
    public static Assessment needsReview(Severity severity, String summary, List<Finding> findings) {
        return new Assessment(Verdict.NEEDS_REVIEW, severity, 0, List.of(), summary, findings, List.of());
    }

    public Assessment withVerdict(Verdict v, List<ProposedAction> keep) {
        return new Assessment(v, severity, confidence, techniques, summary, findings, keep);
    }

    public Assessment withActions(List<ProposedAction> keep) {
        return new Assessment(verdict, severity, confidence, techniques, summary, findings, keep);
    }

    /** Whether any proposed action changes something outside Watchfloor (isolation, disabling, blocking). */
    public boolean proposesConsequentialAction() {
        return actions.stream().anyMatch(a -> a.type().consequential());
    }
}
