package dev.watchfloor.redaction.corpus;

import java.util.List;

/**
 * One generated event: a title (plain text), the event as JSON text, and the raw values planted in them that must never
 * come out of a redactor (empty for a benign event).
 */
public record SeededEvent(String title, String json, List<String> secrets) {

    public SeededEvent {
        secrets = List.copyOf(secrets);
    }
}
