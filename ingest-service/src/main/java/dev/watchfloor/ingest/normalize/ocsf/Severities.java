package dev.watchfloor.ingest.normalize.ocsf;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Severity words and numbers as vendors write them, to OCSF severity_id. */
public final class Severities {

    private Severities() {
    }

    /** OCSF severity_id: 0 unknown, 1 informational, 2 low, 3 medium, 4 high, 5 critical, 6 fatal. */
    public static int of(JsonNode severity) {
        if (severity == null || severity.isNull() || severity.isContainerNode()) {
            return 0;
        }
        return of(severity.asText());
    }

    public static int of(String severity) {
        if (severity == null) {
            return 0;
        }
        String text = severity.strip();
        if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '6') {
            return Integer.parseInt(text);
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "info", "informational", "information", "notice", "debug" -> 1;
            case "low", "minor" -> 2;
            case "medium", "moderate", "warning", "warn" -> 3;
            case "high", "major", "error", "severe" -> 4;
            case "critical", "crit", "alert" -> 5;
            case "fatal", "emergency", "emerg" -> 6;
            default -> 0;
        };
    }
}
