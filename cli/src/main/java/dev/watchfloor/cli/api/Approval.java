package dev.watchfloor.cli.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A human-in-the-loop approval held by governance for one proposed action. */
public record Approval(String id, String actionId, String investigationId, String alertId, String actionType,
        String target, String state, String parametersHash, String requestedAt, String expiresAt, String decidedBy,
        String decidedAt) {

    /** The body of {@code GET /v1/approvals}. */
    public record Page(List<Approval> items) {

        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The body of {@code POST /v1/approvals/{id}/decision}; {@code decision} is "approve" or "deny". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String decision, String reason) {
    }
}
