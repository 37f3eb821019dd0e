package dev.watchfloor.reasoning.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.RateLimitException;

/**
 * The wait before a retry: what the provider asked for ({@code Retry-After}) or what the local rate limit says, capped;
 * otherwise exponential backoff with jitter (the doubled delay, capped, then a random 50-100% of it). One instance per
 * call (SmallRye Fault Tolerance asks the supplier for a new one each time).
 */
final class RetryBackoff implements CustomBackoffStrategy {

    private final long firstMillis;
    private final long maxMillis;
    private final long retryAfterMaxMillis;
    private int retries;

    RetryBackoff(Duration first, Duration max, Duration retryAfterMax) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.maxMillis = Math.max(firstMillis, max.toMillis());
        this.retryAfterMaxMillis = retryAfterMax.toMillis();
    }

    @Override
    public synchronized long nextDelayInMillis(Throwable exception) {
        long backoff = Math.min(maxMillis, firstMillis << Math.min(retries, 20));
        retries++;
        long asked = askedWaitMillis(exception);
        if (asked >= 0) {
            return Math.min(asked, retryAfterMaxMillis);
        }
        long half = backoff / 2;
        return half + ThreadLocalRandom.current().nextLong(backoff - half + 1);
    }

    /** @return -1 when nobody asked for a particular wait */
    static long askedWaitMillis(Throwable exception) {
        if (exception instanceof ModelCallException failed && failed.retryAfter().isPresent()) {
            return failed.retryAfter().get().toMillis();
        }
        if (exception instanceof RateLimitException limited && limited.getRetryAfterMillis() >= 0) {
            return limited.getRetryAfterMillis();
        }
        return -1;
    }
}
