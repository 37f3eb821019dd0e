package dev.watchfloor.governance.policy;

import java.util.List;
import java.util.Map;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.governance.policy.document.PolicyRejected;
import dev.watchfloor.governance.policy.document.PolicyViolation;

/** How a rejected policy document is answered: 400 problem+json listing every violation with line and column. */
final class PolicyProblems {

    private PolicyProblems() {
    }

    static ProblemException rejected(PolicyRejected e) {
        List<PolicyViolation> violations = e.violations();
        PolicyViolation first = violations.get(0);
        String detail = violations.size() + " problem" + (violations.size() == 1 ? "" : "s")
                + " in the policy document; first at line " + first.line() + ", column " + first.column() + " ("
                + first.rule() + "): " + first.message() + ". The active policy is unchanged.";
        List<Map<String, Object>> list = violations.stream().map(v -> Map.<String, Object>of("line", v.line(),
                "column", v.column(), "path", v.path(), "rule", v.rule(), "message", v.message())).toList();
        return new ProblemException(400, "policy-invalid", "Policy document invalid", detail)
                .with("violations", list);
    }
}
