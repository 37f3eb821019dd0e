package dev.watchfloor.cli.command;

import java.time.Duration;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;

/**
 * A duration option as people write it: {@code 2s}, {@code 500ms}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT2S}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+[smh]")) {
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
}
