package dev.watchfloor.reasoning.investigator;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Verdict {

    TRUE_POSITIVE, BENIGN, FALSE_POSITIVE, NEEDS_REVIEW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
