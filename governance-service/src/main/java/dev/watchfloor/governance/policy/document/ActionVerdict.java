package dev.watchfloor.governance.policy.document;

import java.util.List;

/**
 * The action policy's answer for one proposed action.
 *
 * @param decision
 *            allow, require approval, or deny
 * @param approverRoles
 *            who may approve (only for {@link Decision#REQUIRE_APPROVAL}; empty otherwise)
 * @param reason
 *            why, for people
 * @param rule
 *            which part of the policy decided, e.g. {@code actions.rules[0]}, {@code actions.default},
 *            {@code actions.blastRadius[0].neverTags}
 * @param asset
 *            the target's criticality and tags
 */
public record ActionVerdict(Decision decision, List<String> approverRoles, String reason, String rule,
        AssetProfile asset) {

    public ActionVerdict {
        approverRoles = List.copyOf(approverRoles);
    }
}
