package dev.watchfloor.reasoning.model;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.RateLimitException;

import dev.watchfloor.reasoning.model.ModelCallException.Kind;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnsupportedFeatureException;

/** Turns whatever a provider client or a fault tolerance strategy threw into a {@link ModelCallException}. */
final class ModelErrors {

    private static final int MAX_DEPTH = 16;

    private ModelErrors() {
    }

    static ModelCallException classify(Throwable error, ModelEndpoint endpoint) {
        String where = "route " + endpoint.route() + " (" + endpoint.provider() + ", model " + endpoint.model() + ")";
        ModelCallException known = find(error, ModelCallException.class);
        if (known != null) {
            return known;
        }
        ModelCallException guarded = fromFaultTolerance(error, where);
        if (guarded != null) {
            return guarded;
        }
        ModelCallException status = fromStatus(error, where);
        if (status != null) {
            return status;
        }
        return fromCause(error, where);
    }

    private static ModelCallException fromFaultTolerance(Throwable error, String where) {
        if (error instanceof CircuitBreakerOpenException) {
            return new ModelCallException(Kind.CIRCUIT_OPEN, where + ": circuit breaker open", null, error);
        }
        if (error instanceof BulkheadException) {
            return new ModelCallException(Kind.BULKHEAD_FULL, where + ": too many model calls in flight", null, error);
        }
        if (error instanceof RateLimitException limit) {
            Duration wait = limit.getRetryAfterMillis() >= 0 ? Duration.ofMillis(limit.getRetryAfterMillis()) : null;
            return new ModelCallException(Kind.RATE_LIMITED, where + ": local rate limit reached", wait, error);
        }
        if (error instanceof TimeoutException) {
            return new ModelCallException(Kind.TIMEOUT, where + ": timed out", null, error);
        }
        return null;
    }

    private static ModelCallException fromStatus(Throwable error, String where) {
        ProviderHttpException provider = find(error, ProviderHttpException.class);
        if (provider != null) {
            return ofStatus(provider.status(), provider.retryAfter().orElse(null), where, provider);
        }
        WebApplicationException web = find(error, WebApplicationException.class);
        if (web != null && web.getResponse() != null) {
            Duration wait = RetryAfterHeader.read(web.getResponse()::getHeaderString, Clock.systemUTC());
            return ofStatus(web.getResponse().getStatus(), wait, where, web);
        }
        HttpException http = find(error, HttpException.class);
        if (http != null) {
            return ofStatus(http.statusCode(), null, where, http);
        }
        return null;
    }

    static ModelCallException ofStatus(int status, Duration retryAfter, String where, Throwable cause) {
        String message = where + ": " + cause.getMessage();
        if (status == 429) {
            return new ModelCallException(Kind.RATE_LIMITED, message, retryAfter, cause);
        }
        if (status == 408) {
            return new ModelCallException(Kind.TIMEOUT, message, retryAfter, cause);
        }
        if (status >= 500) {
            return new ModelCallException(Kind.UNAVAILABLE, message, retryAfter, cause);
        }
        return new ModelCallException(Kind.REJECTED, message, null, cause);
    }

    private static ModelCallException fromCause(Throwable error, String where) {
        String message = where + ": " + error;
        if (find(error, UnsupportedFeatureException.class) != null) {
            return new ModelCallException(Kind.UNSUPPORTED, message, null, error);
        }
        if (timeoutInChain(error)) {
            return new ModelCallException(Kind.TIMEOUT, message, null, error);
        }
        if (find(error, IOException.class) != null || find(error, ProcessingException.class) != null
                || find(error, UnresolvedAddressException.class) != null) {
            return new ModelCallException(Kind.UNAVAILABLE, message, null, error);
        }
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException
                || error instanceof NullPointerException || error instanceof ClassCastException) {
            // the request could not even be built or sent: another attempt would fail the same way
            return new ModelCallException(Kind.REJECTED, message, null, error);
        }
        return new ModelCallException(Kind.UNAVAILABLE, message, null, error);
    }

    /** HTTP client timeouts surface as several types (JDK, Netty, Vert.x, langchain4j); they all say so in the name. */
    private static boolean timeoutInChain(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
