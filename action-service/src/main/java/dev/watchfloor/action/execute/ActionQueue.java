package dev.watchfloor.action.execute;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.action.action.ActionAudit;
import dev.watchfloor.action.action.ActionRows;
import dev.watchfloor.contracts.domain.ActionState;

/**
 * action.actions as a work queue that several replicas share. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * two replicas never claim the same row; an executing row is leased to one replica until {@code lease_until}, and a
 * lease that lapses (the replica died) makes the row claimable again. Every finishing update is fenced by the lease
 * owner, so a replica that lost its lease cannot overwrite the new owner's outcome. A change that is audited commits
 * with its audit entry ({@link ActionAudit}).
 */
@ApplicationScoped
public class ActionQueue {

    private static final String RETURNING = " RETURNING " + ActionRows.COLUMNS;

    private final Pool pool;
    private final ActionAudit audit;

    public ActionQueue(Pool pool, ActionAudit audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** Pending approvals due for a check; each claimed row is not due again before {@code recheck} has passed. */
    Uni<List<Action>> claimPendingApprovals(int limit, Duration recheck) {
        return pool.preparedQuery("UPDATE action.actions SET next_attempt_at = now() + make_interval(secs => $1) "
                + "WHERE id IN (SELECT id FROM action.actions WHERE state = 'pending_approval' "
                + "AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
                + RETURNING)
                .execute(Tuple.of(ActionRows.seconds(recheck), limit)).map(ActionRows::all);
    }

    /** Moves a pending approval to its outcome; null when it was no longer pending. */
    Uni<Action> resolveApproval(UUID id, ActionState state, String detail) {
        return resolveApproval(pool, id, state, detail);
    }

    /** Approves a pending action, keeping what the approval bound; null when it was not pending. */
    Uni<Action> resolveApproved(UUID id, String binding, String detail) {
        return pool.preparedQuery("UPDATE action.actions SET state = 'approved', approved_binding = $2, detail = $3, "
                + "next_attempt_at = now(), updated_at = now() WHERE id = $1 AND state = 'pending_approval'"
                + RETURNING).execute(Tuple.of(id, binding, detail)).map(ActionRows::first);
    }

    /** What the action's approval bound when it was approved; empty for actions that needed none. */
    Uni<String> approvedBinding(UUID id) {
        return pool.preparedQuery("SELECT approved_binding FROM action.actions WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("approved_binding") : "");
    }

    /** Fails a pending approval's action, audited by {@code step} in the same transaction; null when not pending. */
    Uni<Action> failApproval(UUID id, String detail, ActionAudit.Step step) {
        return audit.change(step, tx -> resolveApproval(tx, id, ActionState.FAILED, detail));
    }

    private static Uni<Action> resolveApproval(SqlClient client, UUID id, ActionState state, String detail) {
        return client.preparedQuery("UPDATE action.actions SET state = $2, detail = $3, next_attempt_at = now(), "
                + "updated_at = now() WHERE id = $1 AND state = 'pending_approval'" + RETURNING)
                .execute(Tuple.of(id, state.wire(), detail)).map(ActionRows::first);
    }

    /** Claims due approved actions and executing ones whose lease lapsed, counting the attempt. */
    Uni<List<Action>> claimDue(String owner, Duration lease, int limit) {
        return pool.preparedQuery("UPDATE action.actions SET state = 'executing', lease_owner = $1, "
                + "lease_until = now() + make_interval(secs => $2), attempts = attempts + 1, updated_at = now() "
                + "WHERE id IN (SELECT id FROM action.actions WHERE (state = 'approved' AND next_attempt_at <= now()) "
                + "OR (state = 'executing' AND lease_until < now()) ORDER BY next_attempt_at LIMIT $3 "
                + "FOR UPDATE SKIP LOCKED)" + RETURNING)
                .execute(Tuple.of(owner, ActionRows.seconds(lease), limit)).map(ActionRows::all);
    }

    /**
     * Ends an execution held by {@code owner}, audited by {@code step} in the same transaction; null when the lease was
     * lost to another replica, and nothing is audited then.
     */
    Uni<Action> finish(UUID id, String owner, ActionState state, String detail, ActionAudit.Step step) {
        return audit.change(step, tx -> tx.preparedQuery("UPDATE action.actions SET state = $3, detail = $4, "
                + "lease_owner = NULL, lease_until = NULL, updated_at = now() WHERE id = $1 AND lease_owner = $2 "
                + "AND state = 'executing'" + RETURNING)
                .execute(Tuple.of(id, owner, state.wire(), detail)).map(ActionRows::first));
    }

    /** Puts a failed execution back in the queue, due after {@code backoff}; null when the lease was lost. */
    Uni<Action> retryLater(UUID id, String owner, String detail, Duration backoff) {
        return pool.preparedQuery("UPDATE action.actions SET state = 'approved', detail = $3, lease_owner = NULL, "
                + "lease_until = NULL, next_attempt_at = now() + make_interval(secs => $4), updated_at = now() "
                + "WHERE id = $1 AND lease_owner = $2 AND state = 'executing'" + RETURNING)
                .execute(Tuple.of(id, owner, detail, ActionRows.seconds(backoff))).map(ActionRows::first);
    }
}
