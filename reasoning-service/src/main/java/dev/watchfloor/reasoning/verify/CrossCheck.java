package dev.watchfloor.reasoning.verify;

import java.util.List;

import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment;

/**
 * Compares a model's assessment with the deterministic investigator's on the same case. A strong disagreement, where
 * one dismisses the alert (benign, false positive) and the other calls for a response, is flagged and the verdict
 * turned to {@code needs_review}, keeping only actions that change nothing outside Watchfloor (a ticket, a
 * notification): neither a poisoned model answer nor a blind rule decides alone.
 */
final class CrossCheck implements Check {

    static final String NAME = "cross_check";

    @Override
    public Checked apply(Assessment a, Grounds g) {
        Assessment rules = g.deterministic();
        if (rules == null) {
            return new Checked(a, CheckResult.skipped(NAME, "the deterministic investigator produced this assessment"));
        }
        if (!stronglyDisagree(a.verdict(), rules.verdict())) {
            return new Checked(a, CheckResult.of(NAME, List.of(), CheckOutcome.FLAGGED));
        }
        String problem = "the model says " + a.verdict().wire() + " (confidence " + a.confidence()
                + "), the deterministic rules say " + rules.verdict().wire() + " (confidence " + rules.confidence()
                + ")";
        List<Assessment.ProposedAction> harmless = a.actions().isEmpty()
                ? rules.actions().stream().filter(x -> !x.type().consequential()).toList()
                : a.actions().stream().filter(x -> !x.type().consequential()).toList();
        return new Checked(a.withVerdict(Verdict.NEEDS_REVIEW, harmless),
                new CheckResult(NAME, CheckOutcome.FLAGGED, List.of(problem)));
    }

    static boolean stronglyDisagree(Verdict model, Verdict rules) {
        boolean modelDismisses = model == Verdict.BENIGN || model == Verdict.FALSE_POSITIVE;
        boolean rulesDismiss = rules == Verdict.BENIGN || rules == Verdict.FALSE_POSITIVE;
        return (modelDismisses && rules.warrantsResponse()) || (model == Verdict.MALICIOUS && rulesDismiss);
    }
}
