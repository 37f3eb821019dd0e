package dev.watchfloor.action.execute;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.action.ActionConfig;
import dev.watchfloor.action.action.Action;
import dev.watchfloor.action.action.ActionAudit;
import dev.watchfloor.action.governance.GovernanceClient;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.governance.v1.Approval;
import dev.watchfloor.contracts.governance.v1.ApprovalState;

/**
 * Follows the approvals that actions wait on. An approved approval releases its action only if it is bound to the
 * action's exact parameters (SHA-256 of the stored canonical JSON); a denied or lapsed one ends the action, and so does
 * an approval whose action the tenant's current policy denies (governance says so in {@code policy_denial}).
 */
@ApplicationScoped
public class ApprovalWatcher {

    private final ActionQueue queue;
    private final GovernanceClient governance;
    private final ActionConfig config;

    public ApprovalWatcher(ActionQueue queue, GovernanceClient governance, ActionConfig config) {
        this.queue = queue;
        this.governance = governance;
        this.config = config;
    }

    /** Checks the pending approvals that are due, all in one call to governance; the number checked. */
    public Uni<Integer> checkDue() {
        return queue.claimPendingApprovals(config.batchSize(), config.approvalCheckInterval()).chain(waiting -> {
            if (waiting.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return governance.approvals(Trace.fromTraceparent(null), waiting)
                    .chain(found -> Multi.createFrom().iterable(waiting)
                            .onItem().transformToUniAndConcatenate(action -> check(action, found.get(
                                    GovernanceClient.approvalKey(action.tenant(), action.approvalId()))))
                            .collect().with(Collectors.counting()).map(Long::intValue))
                    .onFailure().recoverWithItem(e -> {
                        Log.warnf("Approval check of %d actions failed, retrying later: %s", waiting.size(),
                                e.toString());
                        return 0;
                    });
        });
    }

    /** Applies the approval's state to the action; an approval governance does not know fails it. */
    private Uni<Void> check(Action action, Approval approval) {
        Trace trace = Trace.fromTraceparent(action.traceparent());
        Uni<Void> applied = approval == null
                ? fail(trace, action, "approval " + action.approvalId() + " is unknown to governance")
                : apply(trace, action, approval);
        return applied.onFailure().recoverWithUni(e -> {
            Log.warnf("Approval check of action %s failed, retrying later: %s", action.id(), e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> apply(Trace trace, Action action, Approval approval) {
        boolean open = approval.getState() == ApprovalState.APPROVAL_STATE_PENDING
                || approval.getState() == ApprovalState.APPROVAL_STATE_APPROVED;
        if (open && !approval.getPolicyDenial().isEmpty()) {
            return resolve(action, ActionState.DENIED, "the current policy denies it, whatever approval "
                    + action.approvalId() + " says: " + approval.getPolicyDenial());
        }
        return switch (approval.getState()) {
            case APPROVAL_STATE_APPROVED -> approved(trace, action, approval);
            case APPROVAL_STATE_DENIED -> resolve(action, ActionState.DENIED, "approval " + action.approvalId()
                    + " denied by " + approval.getDecidedBy());
            case APPROVAL_STATE_EXPIRED -> resolve(action, ActionState.EXPIRED, "approval " + action.approvalId()
                    + " expired at " + approval.getExpiresAt());
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> approved(Trace trace, Action action, Approval approval) {
        ApprovalBinding bound = ApprovalBinding.of(approval);
        String differences = ApprovalBinding.of(action).differences(bound);
        if (!differences.isEmpty()) {
            return fail(trace, action, "approval " + action.approvalId() + " does not match the action ("
                    + differences + "); not executing");
        }
        return queue.resolveApproved(action.id(), bound.text(), "approved by " + approval.getDecidedBy())
                .invoke(updated -> {
                    if (updated != null) {
                        Log.infof("Action %s: approval %s -> approved", action.id(), action.approvalId());
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> resolve(Action action, ActionState state, String detail) {
        return queue.resolveApproval(action.id(), state, detail)
                .invoke(updated -> {
                    if (updated != null) {
                        Log.infof("Action %s: approval %s -> %s", action.id(), action.approvalId(), state.wire());
                    }
                })
                .replaceWithVoid();
    }

    /** Fails the action with its {@code action.failed} audit entry in one transaction. */
    private Uni<Void> fail(Trace trace, Action action, String detail) {
        return queue.failApproval(action.id(), detail,
                new ActionAudit.Step(trace, ActionRunner.FAILED, Map.of("reason", detail))).replaceWithVoid();
    }
}
