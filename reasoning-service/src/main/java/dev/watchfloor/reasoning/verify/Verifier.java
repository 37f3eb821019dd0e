package dev.watchfloor.reasoning.verify;

import java.util.ArrayList;
import java.util.List;

import dev.watchfloor.reasoning.investigator.Assessment;

/**
 * Runs the verification steps that apply to any assessment, after those its path already ran (structure and convergence
 * for a model's answer): citations, targets, then the cross-check with the deterministic investigator when there is one
 * to compare with.
 */
public final class Verifier {

    private static final List<Check> STEPS = List.of(new CitationCheck(), new TargetCheck(), new CrossCheck());

    private Verifier() {
    }

    public static Verification verify(Assessment assessment, Grounds grounds, List<CheckResult> earlier) {
        List<CheckResult> results = new ArrayList<>(earlier);
        Assessment current = assessment;
        for (Check step : STEPS) {
            Check.Checked checked = step.apply(current, grounds);
            current = checked.assessment();
            results.add(checked.result());
        }
        return new Verification(current, results);
    }
}
