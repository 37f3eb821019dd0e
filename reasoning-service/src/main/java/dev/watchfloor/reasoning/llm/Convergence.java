package dev.watchfloor.reasoning.llm;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Severity;
import dev.watchfloor.reasoning.verify.CheckOutcome;
import dev.watchfloor.reasoning.verify.CheckResult;

/**
 * Whether a model's verdict holds across runs: agreement is the share of runs giving the modal verdict (an unusable
 * answer counts as {@code needs_review}). Below the threshold the verdict is {@code needs_review}, with every run's
 * verdict shown.
 */
final class Convergence {

    static final String NAME = "convergence";

    private Convergence() {
    }

    /** Convergence applies to high or critical severity and to any consequential action. */
    static boolean applies(Assessment first) {
        return first.severity().atLeast(Severity.HIGH) || first.proposesConsequentialAction();
    }

    /** Two runs that agree, each at least {@code confidence} sure, settle it early. */
    static boolean settledEarly(List<Assessment> runs, double confidence) {
        return runs.size() == 2 && runs.get(0).verdict() == runs.get(1).verdict()
                && runs.stream().allMatch(a -> a.confidence() >= confidence);
    }

    record Outcome(Assessment assessment, CheckResult result) {
    }

    static Outcome decide(List<Assessment> runs, double threshold) {
        Map<Verdict, Integer> votes = new EnumMap<>(Verdict.class);
        runs.forEach(a -> votes.merge(a.verdict(), 1, Integer::sum));
        Verdict modal = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double agreement = Math.round(votes.get(modal) * 1000.0 / runs.size()) / 1000.0;
        String shown = "verdicts over " + runs.size() + " runs: "
                + String.join(", ", runs.stream().map(a -> a.verdict().wire() + " (" + a.confidence() + ")").toList())
                + "; agreement " + agreement;
        Assessment best = runs.stream().filter(a -> a.verdict() == modal)
                .max(Comparator.comparingDouble(Assessment::confidence)).orElseThrow();
        if (agreement < threshold || modal == Verdict.NEEDS_REVIEW) {
            String why = shown + (agreement < threshold ? ", below " + threshold : "");
            return new Outcome(best.withVerdict(Verdict.NEEDS_REVIEW, List.of()),
                    new CheckResult(NAME, CheckOutcome.FAILED, List.of(why)));
        }
        return new Outcome(best, new CheckResult(NAME, CheckOutcome.PASSED, List.of(shown)));
    }
}
