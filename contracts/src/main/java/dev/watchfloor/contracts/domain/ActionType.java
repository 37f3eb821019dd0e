package dev.watchfloor.contracts.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The closed set of response actions an investigation may propose; the one definition reasoning, action-service,
 * governance's policy schema and the CLI use.
 */
public enum ActionType {

    ISOLATE_HOST, DISABLE_USER, BLOCK_IP, OPEN_TICKET, NOTIFY;

    /** The wire names, comma separated, for error messages. */
    public static final String WIRE_NAMES = WireNames.list(ActionType.class);

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    public static Optional<ActionType> fromWire(String wire) {
        return WireNames.parse(ActionType.class, wire);
    }

    /** Whether the action changes something outside Watchfloor that someone would notice (not a ticket or a note). */
    public boolean consequential() {
        return this == ISOLATE_HOST || this == DISABLE_USER || this == BLOCK_IP;
    }
}
