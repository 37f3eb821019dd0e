package dev.watchfloor.reasoning.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * Reads the wait a provider asks for: {@code retry-after-ms} (OpenAI, Azure OpenAI) if present, else
 * {@code Retry-After} in seconds or as an HTTP date (RFC 9110).
 */
final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    /** @return {@code null} when no (valid) header is present */
    static Duration read(UnaryOperator<String> headers, Clock clock) {
        Duration millis = parseMillis(headers.apply("retry-after-ms"));
        return millis != null ? millis : parse(headers.apply("Retry-After"), clock);
    }

    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        try {
            return nonNegative(Duration.ofSeconds(Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return nonNegative(Duration.between(clock.instant(), at));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
