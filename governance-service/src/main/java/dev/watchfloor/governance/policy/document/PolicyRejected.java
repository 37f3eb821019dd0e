package dev.watchfloor.governance.policy.document;

import java.util.Comparator;
import java.util.List;

/** A policy document that is not valid YAML, does not follow the schema or contradicts itself. */
public final class PolicyRejected extends Exception {

    private static final long serialVersionUID = 1L;

    static final Comparator<PolicyViolation> BY_POSITION = Comparator.comparingInt(PolicyViolation::line)
            .thenComparingInt(PolicyViolation::column)
            .thenComparing(PolicyViolation::path)
            .thenComparing(PolicyViolation::rule);

    private final List<PolicyViolation> violations;

    PolicyRejected(List<PolicyViolation> violations) {
        super(summary(violations));
        this.violations = violations.stream().sorted(BY_POSITION).toList();
    }

    static PolicyRejected of(int line, int column, String path, String rule, String message) {
        return new PolicyRejected(List.of(new PolicyViolation(line, column, path, rule, message)));
    }

    /** Every violation found, sorted by line and column. */
    public List<PolicyViolation> violations() {
        return violations;
    }

    private static String summary(List<PolicyViolation> violations) {
        if (violations.isEmpty()) {
            return "policy rejected";
        }
        PolicyViolation first = violations.stream().min(BY_POSITION).orElseThrow();
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return "policy rejected: line " + first.line() + ", column " + first.column() + ": " + first.rule() + ": "
                + first.message() + more;
    }
}
