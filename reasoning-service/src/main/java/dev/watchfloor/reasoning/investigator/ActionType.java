package dev.watchfloor.reasoning.investigator;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The closed set of response actions an assessment may propose. */
public enum ActionType {

    ISOLATE_HOST, DISABLE_USER, BLOCK_IP, OPEN_TICKET, NOTIFY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
