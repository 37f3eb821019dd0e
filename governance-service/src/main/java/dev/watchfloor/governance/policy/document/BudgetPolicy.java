package dev.watchfloor.governance.policy.document;

import java.util.List;

/**
 * What it may cost.
 *
 * @param departments
 *            at least one; the first is billed for sources no department claims
 * @param perInvestigationTokens
 *            token limit of one investigation
 * @param onExhausted
 *            what happens once a budget is exhausted
 */
public record BudgetPolicy(List<Department> departments, long perInvestigationTokens, OnExhausted onExhausted) {

    public BudgetPolicy {
        departments = List.copyOf(departments);
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("a budget policy needs at least one department");
        }
    }

    /** The first department whose {@code sources} globs match the alert source; else the first department. */
    public Department departmentFor(String source) {
        return departments.stream().filter(department -> Glob.any(department.sources(), source)).findFirst()
                .orElse(departments.getFirst());
    }
}
