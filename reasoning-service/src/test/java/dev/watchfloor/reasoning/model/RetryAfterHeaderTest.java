package dev.watchfloor.reasoning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.faulttolerance.api.RateLimitException;

/** The wait before a retry: what the provider asked for, capped, else backoff with jitter. */
class RetryAfterHeaderTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsHttpDatesAndMilliseconds() {
        assertThat(RetryAfterHeader.read(Map.of("Retry-After", "7")::get, NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfterHeader.read(Map.of("Retry-After", "Sat, 01 Mar 2025 12:00:30 GMT")::get, NOW))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfterHeader.read(Map.of("retry-after-ms", "1500", "Retry-After", "2")::get, NOW))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfterHeader.read(Map.<String, String>of()::get, NOW)).isNull();
        assertThat(RetryAfterHeader.read(Map.of("Retry-After", "soon")::get, NOW)).isNull();
        assertThat(RetryAfterHeader.read(Map.of("Retry-After", "Sat, 01 Mar 2025 11:00:00 GMT")::get, NOW))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void theBackoffWaitsWhatWasAskedUpToItsCapOtherwiseDoublesWithJitter() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(5));
        ModelCallException asked = new ModelCallException(ModelCallException.Kind.RATE_LIMITED, "429",
                Duration.ofSeconds(60), null);
        ModelCallException plain = new ModelCallException(ModelCallException.Kind.UNAVAILABLE, "503");

        assertThat(backoff.nextDelayInMillis(plain)).isBetween(50L, 100L);
        assertThat(backoff.nextDelayInMillis(plain)).isBetween(100L, 200L);
        assertThat(backoff.nextDelayInMillis(plain)).isBetween(150L, 300L);
        assertThat(backoff.nextDelayInMillis(plain)).isBetween(150L, 300L);
        assertThat(backoff.nextDelayInMillis(asked)).isEqualTo(5000L);
        assertThat(backoff.nextDelayInMillis(new RateLimitException(1234L))).isEqualTo(1234L);
    }
}
