package dev.watchfloor.reasoning.verify;

import java.util.List;

import dev.watchfloor.reasoning.investigator.Assessment;

/** A verified assessment and the result of every verification step, in the order they ran. */
public record Verification(Assessment assessment, List<CheckResult> checks) {

    public Verification {
        checks = List.copyOf(checks);
    }

    /** Every problem any step found, for the audit entry and the summary view. */
    public List<String> problems() {
        return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAILED || c.outcome() == CheckOutcome.FLAGGED)
                .flatMap(c -> c.problems().stream().map(p -> c.check() + ": " + p)).toList();
    }
}
