package dev.watchfloor.action.action;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.domain.ActionType;

/** An action as the REST API shows it; {@code parameters} is the stored JSON object, {@code traceId} its trace. */
public record ActionView(UUID id, String tenant, String investigationId, String alertId, ActionType type,
        String target, String rationale, @JsonRawValue @Schema(type = SchemaType.OBJECT) String parameters,
        ActionState state, String approvalId,
        String detail, int attempts, String traceId, Instant createdAt, Instant updatedAt) {

    static ActionView of(Action a) {
        return new ActionView(a.id(), a.tenant(), a.investigationId(), a.alertId(), a.type(), a.target(),
                a.rationale(), a.parametersJson(), a.state(), a.approvalId(), a.detail(), a.attempts(),
                Trace.fromTraceparent(a.traceparent()).traceId(), a.createdAt(), a.updatedAt());
    }
}
