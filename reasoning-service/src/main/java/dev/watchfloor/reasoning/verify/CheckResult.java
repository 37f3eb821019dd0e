package dev.watchfloor.reasoning.verify;

import java.util.List;

/** One verification step's stored result: its name, how it came out, and what it found, in words. */
public record CheckResult(String check, CheckOutcome outcome, List<String> problems) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    public static CheckResult of(String check, List<String> problems, CheckOutcome whenProblems) {
        return new CheckResult(check, problems.isEmpty() ? CheckOutcome.PASSED : whenProblems, problems);
    }

    public static CheckResult skipped(String check, String why) {
        return new CheckResult(check, CheckOutcome.SKIPPED, List.of(why));
    }
}
