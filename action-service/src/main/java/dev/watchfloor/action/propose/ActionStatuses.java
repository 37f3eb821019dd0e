package dev.watchfloor.action.propose;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.contracts.action.v1.ActionStatus;

/** Maps stored actions to the contract's ActionStatus. */
final class ActionStatuses {

    private ActionStatuses() {
    }

    static ActionStatus toProto(Action a) {
        return ActionStatus.newBuilder()
                .setActionId(a.id().toString())
                .setType(a.type().wire())
                .setTarget(a.target())
                .setState(a.state().wire())
                .setApprovalId(a.approvalId())
                .setDetail(a.detail())
                .setUpdatedAt(a.updatedAt() == null ? "" : a.updatedAt().toString())
                .build();
    }
}
