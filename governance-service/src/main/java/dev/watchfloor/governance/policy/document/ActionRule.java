package dev.watchfloor.governance.policy.document;

import java.util.List;

/**
 * One decision rule of the action policy.
 *
 * @param types
 *            the action types it applies to
 * @param criticality
 *            the target criticalities it applies to; empty = any
 * @param decision
 *            the decision
 * @param approverRoles
 *            who may approve, for {@link Decision#REQUIRE_APPROVAL}
 * @param reason
 *            shown with the decision; {@code null} when the policy gives none
 */
public record ActionRule(List<String> types, List<String> criticality, Decision decision, List<String> approverRoles,
        String reason) {

    public ActionRule {
        types = List.copyOf(types);
        criticality = List.copyOf(criticality);
        approverRoles = List.copyOf(approverRoles);
    }

    boolean matches(String type, String targetCriticality) {
        return types.contains(type) && (criticality.isEmpty() || criticality.contains(targetCriticality));
    }
}
