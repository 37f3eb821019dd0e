package dev.watchfloor.action.execute;

import java.time.Duration;

/** Exponential backoff between execution attempts: base * 2^(attempt-1), capped. */
record Backoff(Duration base, Duration max) {

    Duration after(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = base.toMillis() << doublings;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
