package dev.watchfloor.reasoning.investigator;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.watchfloor.contracts.domain.WireNames;

/** How bad the investigated activity is, as the assessment judges it (not the alert's own severity). */
public enum Severity {

    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    public static Optional<Severity> fromWire(String wire) {
        return WireNames.parse(Severity.class, wire);
    }

    /**
     * The alert's OCSF {@code severity_id} (1 informational .. 5 critical, 6 fatal) as a severity; unknown is medium.
     */
    public static Severity ofAlert(int severityId) {
        return switch (severityId) {
            case 1 -> INFORMATIONAL;
            case 2 -> LOW;
            case 4 -> HIGH;
            case 5, 6 -> CRITICAL;
            default -> MEDIUM;
        };
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
