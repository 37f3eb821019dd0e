package dev.watchfloor.reasoning.model;

import java.time.Duration;
import java.util.Optional;

/** A model call that did not produce an answer, with why. */
public class ModelCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Kind {

        /** The provider answered 429 (or this replica's own rate limit refused the call) on every attempt. */
        RATE_LIMITED,
        /** The attempts timed out (our timeout, the HTTP client's, or a 408). */
        TIMEOUT,
        /** 5xx answers, connection failures or unreadable answers on every attempt. */
        UNAVAILABLE,
        /**
         * The provider refused the request (4xx other than 408 and 429), or the request cannot be sent; not retried.
         */
        REJECTED,
        /** The provider endpoint's circuit breaker is open; the provider was not called. */
        CIRCUIT_OPEN,
        /** Too many model calls in flight in this replica; the provider was not called. */
        BULKHEAD_FULL,
        /** The route's provider, or a feature the request asks for, is not supported. */
        UNSUPPORTED;

        /** Worth another attempt of the same request. */
        boolean retryable() {
            return this == RATE_LIMITED || this == TIMEOUT || this == UNAVAILABLE;
        }
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public ModelCallException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public ModelCallException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider (or the local rate limit) asked to wait before another attempt, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
