package dev.watchfloor.governance.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approval request as stored and shown: state is computed on read, so a lapsed pending one shows expired. */
public record Approval(UUID id, String tenant, String actionId, String investigationId, String alertId,
        String actionType, String target, String parametersJson, String parametersHash, String requestedBy,
        ApprovalState state, Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt,
        String reason, List<String> approverRoles) {

    public Approval withStateAt(Instant now) {
        if (state == ApprovalState.PENDING && !expiresAt.isAfter(now)) {
            return new Approval(id, tenant, actionId, investigationId, alertId, actionType, target, parametersJson,
                    parametersHash, requestedBy, ApprovalState.EXPIRED, requestedAt, expiresAt, decidedBy, decidedAt,
                    reason, approverRoles);
        }
        return this;
    }
}
