package dev.watchfloor.action.action;

import java.time.Instant;
import java.util.UUID;

import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.domain.ActionType;

/**
 * One response action as stored. {@code parametersJson} is canonical JSON (governance binds approvals to its hash);
 * {@code traceparent} is the W3C trace context of the request that proposed it; {@code attempts} counts executions.
 */
public record Action(UUID id, String tenant, String investigationId, String alertId, ActionType type, String target,
        String rationale, String parametersJson, ActionState state, String approvalId, String detail, int attempts,
        String traceparent, Instant createdAt, Instant updatedAt) {

    /** A new action before governance has decided on it. */
    public static Action proposed(UUID id, String tenant, String investigationId, String alertId, ActionType type,
            String target, String rationale, String parametersJson, String traceparent) {
        return new Action(id, tenant, investigationId, alertId, type, target, rationale, parametersJson,
                ActionState.PROPOSED, "", "", 0, traceparent, null, null);
    }
}
