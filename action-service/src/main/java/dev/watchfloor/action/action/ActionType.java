package dev.watchfloor.action.action;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** The closed set of response actions an investigation may propose. */
public enum ActionType {

    ISOLATE_HOST, DISABLE_USER, BLOCK_IP, OPEN_TICKET, NOTIFY;

    /** The wire names, comma separated, for error messages. */
    public static final String WIRE_NAMES = Arrays.stream(values()).map(ActionType::wire)
            .collect(Collectors.joining(", "));

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}
