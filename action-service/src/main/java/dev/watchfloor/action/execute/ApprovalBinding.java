package dev.watchfloor.action.execute;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.commons.util.Hashing;
import dev.watchfloor.contracts.governance.v1.Approval;

/**
 * The four things an approval is bound to: the action id, its type, its target and the SHA-256 of its exact parameters.
 * The binding of the approval (as governance answers it) must equal the binding of the action, when the approval
 * arrives and again immediately before the action runs.
 */
record ApprovalBinding(String actionId, String type, String target, String parametersHash) {

    static ApprovalBinding of(Action action) {
        return new ApprovalBinding(action.id().toString(), action.type().wire(), action.target(),
                Hashing.sha256Hex(action.parametersJson()));
    }

    static ApprovalBinding of(Approval approval) {
        return new ApprovalBinding(approval.getActionId(), approval.getActionType(), approval.getTarget(),
                approval.getParametersHash().toLowerCase(java.util.Locale.ROOT));
    }

    /** The stored form, one line with the four values. */
    String text() {
        return actionId + " " + type + " " + target.length() + ":" + target + " " + parametersHash;
    }

    /** What differs from {@code other}, for the action's detail; empty when nothing does. */
    String differences(ApprovalBinding other) {
        StringBuilder d = new StringBuilder();
        if (!actionId.equals(other.actionId)) {
            d.append(" action id ").append(other.actionId).append(" != ").append(actionId);
        }
        if (!type.equals(other.type)) {
            d.append(" type ").append(other.type).append(" != ").append(type);
        }
        if (!target.equals(other.target)) {
            d.append(" target ").append(other.target).append(" != ").append(target);
        }
        if (!parametersHash.equals(other.parametersHash)) {
            d.append(" parameters hash ").append(other.parametersHash).append(" != ").append(parametersHash);
        }
        return d.toString().trim();
    }
}
