package dev.watchfloor.reasoning.investigator;

import java.util.List;

/** The typed result of an investigation: every finding cites evidence ids; every action targets an entity. */
public record Assessment(Verdict verdict, String severity, double confidence, List<String> techniques,
        List<Finding> findings, List<ProposedAction> actions) {

    public record Finding(String statement, List<String> evidenceIds) {
    }

    public record ProposedAction(ActionType type, String target, String rationale) {
    }
}
