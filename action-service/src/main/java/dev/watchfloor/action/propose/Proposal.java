package dev.watchfloor.action.propose;

import java.util.UUID;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.contracts.domain.ActionType;

/** One validated proposed action with its derived id and canonical parameters. */
public record Proposal(UUID id, String tenant, String investigationId, String alertId, ActionType type, String target,
        String rationale, String parametersJson) {

    public Action toAction(String traceparent) {
        return Action.proposed(id, tenant, investigationId, alertId, type, target, rationale, parametersJson,
                traceparent);
    }
}
