package dev.watchfloor.action.action;

import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;

/** What governance's answer to Authorize means for the action's state. Anything unclear is a denial. */
public record GovernanceDecision(ActionState state, String approvalId, String detail) {

    public static GovernanceDecision of(AuthorizeResponse r) {
        return switch (r.getDecision()) {
            case DECISION_ALLOW -> new GovernanceDecision(ActionState.APPROVED, "", r.getReason());
            case DECISION_REQUIRE_APPROVAL -> r.getApprovalId().isBlank()
                    ? new GovernanceDecision(ActionState.DENIED, "",
                            "governance required approval but returned no approval id")
                    : new GovernanceDecision(ActionState.PENDING_APPROVAL, r.getApprovalId(), r.getReason());
            case DECISION_DENY -> new GovernanceDecision(ActionState.DENIED, "", r.getReason());
            default -> new GovernanceDecision(ActionState.DENIED, "", "governance returned no decision");
        };
    }
}
