package dev.watchfloor.contracts.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Lifecycle of an action: {@code proposed} until governance decides; then {@code pending_approval}, {@code approved} or
 * {@code denied}; an approval may also lapse ({@code expired}). Approved actions are claimed as {@code executing} and
 * end {@code executed} or {@code failed}.
 */
public enum ActionState {

    PROPOSED, PENDING_APPROVAL, APPROVED, EXECUTING, EXECUTED, FAILED, DENIED, EXPIRED;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    public static Optional<ActionState> fromWire(String wire) {
        return WireNames.parse(ActionState.class, wire);
    }
}
