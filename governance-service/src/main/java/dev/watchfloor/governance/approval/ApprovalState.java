package dev.watchfloor.governance.approval;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of an approval request. */
public enum ApprovalState {

    PENDING, APPROVED, DENIED, EXPIRED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public dev.watchfloor.contracts.governance.v1.ApprovalState toProto() {
        return switch (this) {
            case PENDING -> dev.watchfloor.contracts.governance.v1.ApprovalState.APPROVAL_STATE_PENDING;
            case APPROVED -> dev.watchfloor.contracts.governance.v1.ApprovalState.APPROVAL_STATE_APPROVED;
            case DENIED -> dev.watchfloor.contracts.governance.v1.ApprovalState.APPROVAL_STATE_DENIED;
            case EXPIRED -> dev.watchfloor.contracts.governance.v1.ApprovalState.APPROVAL_STATE_EXPIRED;
        };
    }
}
