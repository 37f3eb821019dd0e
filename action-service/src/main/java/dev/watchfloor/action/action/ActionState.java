package dev.watchfloor.action.action;

import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
