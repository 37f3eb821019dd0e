package dev.watchfloor.reasoning.model;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;

/**
 * The fault tolerance of model calls, in one place (SmallRye Fault Tolerance's programmatic {@link Guard}s, configured
 * by {@link ModelConfig}). A call runs as: retry (with {@link RetryBackoff}) → per provider endpoint: circuit breaker →
 * rate limit → timeout → one bulkhead for all model calls → the attempt. This is SmallRye's own order of strategies;
 * guards are nested only because their scopes differ (retry per call, breaker and limit per provider endpoint, bulkhead
 * per replica). A wait before a retry holds no bulkhead slot.
 */
@ApplicationScoped
class ModelGuards {

    private final ModelConfig config;
    private final Guard retry;
    private final Guard bulkhead;
    private final Map<String, Guard> endpoints = new ConcurrentHashMap<>();

    ModelGuards(ModelConfig config) {
        this.config = config;
        this.retry = retryGuard(config);
        this.bulkhead = Guard.create()
                .withDescription("model calls")
                .withBulkhead().limit(config.bulkheadLimit()).done()
                .build();
    }

    /** Runs {@code attempt} under the guards; whatever fails comes out as a {@link ModelCallException}. */
    <T> T call(ModelEndpoint endpoint, Callable<T> attempt, Class<T> type) {
        Guard guard = endpoints.computeIfAbsent(endpoint.providerEndpoint(), this::endpointGuard);
        Callable<T> classified = () -> {
            try {
                return attempt.call();
            } catch (Exception e) {
                throw ModelErrors.classify(e, endpoint);
            }
        };
        try {
            return retry.call(() -> guard.call(() -> bulkhead.call(classified, type), type), type);
        } catch (Exception e) {
            throw ModelErrors.classify(e, endpoint);
        }
    }

    private static Guard retryGuard(ModelConfig config) {
        ModelConfig.Retry retry = config.retry();
        Duration longestWait = max(retry.backoffMax(), retry.retryAfterMax());
        long maxDuration = (retry.maxRetries() + 1L) * (config.timeout().toMillis() + longestWait.toMillis()) + 1000;
        return Guard.create()
                .withDescription("model call retries")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.backoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(maxDuration, ChronoUnit.MILLIS)
                .whenException(ModelGuards::worthRetrying)
                .withCustomBackoff()
                .strategy(() -> new RetryBackoff(retry.backoff(), retry.backoffMax(), retry.retryAfterMax()))
                .done()
                .done()
                .build();
    }

    private Guard endpointGuard(String providerEndpoint) {
        ModelConfig.CircuitBreaker breaker = config.circuitBreaker();
        Guard.Builder builder = Guard.create()
                .withDescription("model " + providerEndpoint)
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(ModelGuards::countsAgainstCircuit)
                .onStateChange(state -> Log.infof("model circuit of %s is %s", providerEndpoint, state))
                .done()
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done();
        if (config.rateLimitPerMinute() > 0) {
            builder.withRateLimit()
                    .limit(config.rateLimitPerMinute())
                    .window(1, ChronoUnit.MINUTES)
                    .type(RateLimitType.ROLLING)
                    .done();
        }
        return builder.build();
    }

    /**
     * 429, 408, 5xx, timeouts, connection failures and the local rate limit; never an open circuit or a full bulkhead.
     */
    static boolean worthRetrying(Throwable error) {
        if (error instanceof ModelCallException failed) {
            return failed.kind().retryable();
        }
        return error instanceof TimeoutException || error instanceof RateLimitException;
    }

    /** The provider endpoint is failing: 5xx, timeouts, connection failures (not 4xx, not 429, not local limits). */
    static boolean countsAgainstCircuit(Throwable error) {
        if (error instanceof ModelCallException failed) {
            return failed.kind() == ModelCallException.Kind.UNAVAILABLE
                    || failed.kind() == ModelCallException.Kind.TIMEOUT;
        }
        return error instanceof TimeoutException;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
