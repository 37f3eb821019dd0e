package dev.watchfloor.commons.util;

import java.time.Duration;

/** Exponential backoff between attempts of a durable retry (outbox hand-off, action execution). */
public record Backoff(Duration base, Duration max) {

    /** The wait after the given failed attempt (1 = the first): base * 2^(attempt-1), at most {@code max}. */
    public Duration after(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = base.toMillis() << doublings;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
