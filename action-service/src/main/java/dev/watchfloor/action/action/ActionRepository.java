package dev.watchfloor.action.action;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL access to action.actions for proposing and reading actions; the execution queue is in ActionQueue. */
@ApplicationScoped
public class ActionRepository {

    private final Pool pool;
    private final ActionAudit audit;

    public ActionRepository(Pool pool, ActionAudit audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** Inserts the action unless its id is known; returns the stored row either way. */
    public Uni<Action> insertIfAbsent(Action a) {
        return pool.preparedQuery("INSERT INTO action.actions (id, tenant, investigation_id, alert_id, action_type, "
                + "target, rationale, parameters_json, state, traceparent) VALUES "
                + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.from(Arrays.asList(a.id(), a.tenant(), a.investigationId(), a.alertId(),
                        a.type().wire(), a.target(), a.rationale(), a.parametersJson(), a.state().wire(),
                        a.traceparent())))
                .chain(() -> find(a.tenant(), a.id()));
    }

    /** The action, or null when the tenant has no action with this id. */
    public Uni<Action> find(String tenant, UUID id) {
        return pool.preparedQuery("SELECT " + ActionRows.COLUMNS + " FROM action.actions WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id)).map(ActionRows::first);
    }

    public Uni<List<Action>> list(String tenant, String investigationId) {
        return pool.preparedQuery("SELECT " + ActionRows.COLUMNS + " FROM action.actions "
                + "WHERE tenant = $1 AND investigation_id = $2 ORDER BY created_at, id")
                .execute(Tuple.of(tenant, investigationId)).map(ActionRows::all);
    }

    /**
     * Records governance's decision on a proposed action, audited by {@code step} in the same transaction; an approved
     * one becomes due for execution at once. Null when the action was no longer {@code proposed} (decided
     * concurrently), and nothing is audited then.
     */
    /** Records governance's decision on a proposed action, and the target it was decided on (pseudonyms resolved). */
    public Uni<Action> recordDecision(UUID id, String target, GovernanceDecision decision, ActionAudit.Step step) {
        return audit.change(step, tx -> tx.preparedQuery("UPDATE action.actions SET state = $2, approval_id = $3, "
                + "detail = $4, target = $5, next_attempt_at = now(), updated_at = now() WHERE id = $1 "
                + "AND state = 'proposed' RETURNING " + ActionRows.COLUMNS)
                .execute(Tuple.of(id, decision.state().wire(), decision.approvalId(), decision.detail(), target))
                .map(ActionRows::first));
    }
}
