package dev.watchfloor.reasoning.model;

import java.time.Duration;
import java.util.Optional;

/** A provider's error answer: its status, and the wait it asked for ({@code Retry-After}) if it did. */
class ProviderHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Duration retryAfter;

    ProviderHttpException(int status, Duration retryAfter, String body) {
        super("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
