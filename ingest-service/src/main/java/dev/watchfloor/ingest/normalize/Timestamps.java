package dev.watchfloor.ingest.normalize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Reads the time of a record as sources write it, into UTC, keeping the original text and saying what was assumed:
 * <ul>
 * <li>ISO-8601 / RFC 3339 with {@code T} or a space, with or without a zone ({@code Z}, {@code +01:00}, {@code +0100},
 * {@code +01}), fractions to nanoseconds; without a zone the source's zone is assumed ({@link Flag#ZONE_ASSUMED});</li>
 * <li>epoch numbers (or digit strings), told apart by magnitude: the first of seconds, milliseconds, microseconds,
 * nanoseconds and Windows FILETIME (100 ns since 1601) that lands between 1990 and 2100;</li>
 * <li>RFC 3164 ({@code Nov 28 03:04:05}, no year): the year that puts it closest to when it was received, so a December
 * record received on 1 January is last year's ({@link Flag#YEAR_INFERRED});</li>
 * <li>common vendor forms: {@code 2026/11/28 03:04:05} (PAN-OS), {@code 28/Nov/2026:03:04:05 +0000} (web logs),
 * {@code Sat, 28 Nov 2026 03:04:05 GMT} (RFC 1123), {@code 11/28/2026 03:04:05} (US), {@code Nov 28 2026 03:04:05}
 * (Cisco ASA).</li>
 * </ul>
 * No time, or none that can be read, gives the received time with {@link Flag#MISSING} or {@link Flag#UNREADABLE}; a
 * time further than the allowed skew from when it was received is kept and flagged {@link Flag#SKEWED}. Nothing here
 * throws on bad input.
 */
public final class Timestamps {

    /** What was assumed or noticed while reading a time. */
    public enum Flag {

        MISSING, UNREADABLE, ZONE_ASSUMED, YEAR_INFERRED, SKEWED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A time in UTC, the text it was read from (null when there was none), and the flags. */
    public record Read(Instant utc, String original, Set<Flag> flags) {

        public Read {
            flags = Set.copyOf(flags);
        }

        public List<String> flagNames() {
            return flags.stream().map(Flag::wire).sorted().toList();
        }
    }

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** 100 ns intervals from 1601-01-01 to 1970-01-01. */
    private static final BigInteger FILETIME_EPOCH = BigInteger.valueOf(116_444_736_000_000_000L);

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter RFC_3164 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM").appendLiteral(' ').optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
            .appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> VENDOR = List.of(
            pattern("uuuu/MM/dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]"),
            pattern("dd/MMM/uuuu:HH:mm:ss[ Z]"),
            DateTimeFormatter.RFC_1123_DATE_TIME,
            pattern("MM/dd/uuuu HH:mm:ss[.SSS]"),
            pattern("MMM d uuuu HH:mm:ss[.SSS]"));

    private final ZoneId defaultZone;
    private final Duration maxSkew;

    /**
     * @param defaultZone
     *            the zone of times written without one
     * @param maxSkew
     *            how far a time may be from when its record was received before it is flagged
     */
    public Timestamps(ZoneId defaultZone, Duration maxSkew) {
        this.defaultZone = defaultZone;
        this.maxSkew = maxSkew;
    }

    /** Reads a JSON scalar's text (null or blank: missing) received at {@code received}. */
    public Read read(String text, boolean numeric, Instant received) {
        if (text == null || text.isBlank()) {
            return new Read(received, null, Set.of(Flag.MISSING));
        }
        String value = text.strip();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Optional<Instant> utc = numeric || number(value)
                ? epoch(value)
                : text(value, received, flags);
        if (utc.isEmpty()) {
            return new Read(received, text, Set.of(Flag.UNREADABLE));
        }
        if (Duration.between(received, utc.get()).abs().compareTo(maxSkew) > 0) {
            flags.add(Flag.SKEWED);
        }
        return new Read(utc.get(), text, flags);
    }

    /** Whether the text is {@code -?\d{1,20}(\.\d{1,9})?} (by hand: this runs for every record). */
    private static boolean number(String value) {
        int i = value.startsWith("-") ? 1 : 0;
        int whole = 0;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
            whole++;
        }
        if (whole == 0 || whole > 20) {
            return false;
        }
        if (i == value.length()) {
            return true;
        }
        if (value.charAt(i) != '.') {
            return false;
        }
        int fraction = value.length() - i - 1;
        return fraction >= 1 && fraction <= 9 && Source.digits(value.substring(i + 1), 9);
    }

    /** The first unit that lands between 1990 and 2100: seconds, ms, µs, ns, then FILETIME. */
    static Optional<Instant> epoch(String value) {
        Instant seconds = IsoTimes.epochSeconds(value, EARLIEST.getEpochSecond(), LATEST.getEpochSecond());
        if (seconds != null) {
            return Optional.of(seconds);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (int digits : new int[]{0, 3, 6, 9}) {
            Optional<Instant> at = fromSeconds(number.movePointLeft(digits));
            if (at.isPresent()) {
                return at;
            }
        }
        BigDecimal sinceUnixEpoch = number.subtract(new BigDecimal(FILETIME_EPOCH));
        return fromSeconds(sinceUnixEpoch.movePointLeft(7));
    }

    private static Optional<Instant> fromSeconds(BigDecimal seconds) {
        if (seconds.compareTo(BigDecimal.valueOf(EARLIEST.getEpochSecond())) < 0
                || seconds.compareTo(BigDecimal.valueOf(LATEST.getEpochSecond())) >= 0) {
            return Optional.empty();
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
    }

    private Optional<Instant> text(String value, Instant received, Set<Flag> flags) {
        if (value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            // ISO-shaped (yyyy-mm-dd...): no other form starts so; the common shapes are read by hand, the rest by the
            // formatter (parsing failures are costly, so it is the only one tried)
            IsoTimes.Parsed fast = IsoTimes.parse(value);
            if (fast != null) {
                if (fast.offsetSeconds() == null) {
                    flags.add(Flag.ZONE_ASSUMED);
                    return Optional.of(fast.local().atZone(defaultZone).toInstant());
                }
                return Optional.of(fast.local().toInstant(ZoneOffset.ofTotalSeconds(fast.offsetSeconds())));
            }
            return parse(ISO, value, flags);
        }
        if (Character.isLetter(value.charAt(0))) {
            Optional<Instant> bsd = rfc3164(value, received, flags);
            if (bsd.isPresent()) {
                return bsd;
            }
        }
        for (DateTimeFormatter format : VENDOR) {
            Optional<Instant> vendor = parse(format, value, flags);
            if (vendor.isPresent()) {
                return vendor;
            }
        }
        return Optional.empty();
    }

    /** A full date and time; with an offset or zone as written, else in the default zone. */
    private Optional<Instant> parse(DateTimeFormatter format, String value, Set<Flag> flags) {
        try {
            TemporalAccessor parsed = format.parse(value);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.from(parsed));
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))));
            }
            flags.add(Flag.ZONE_ASSUMED);
            return Optional.of(local.atZone(defaultZone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code Mmm dd hh:mm:ss} in the default zone, in the year that puts it closest to when it was received. */
    private Optional<Instant> rfc3164(String value, Instant received, Set<Flag> flags) {
        try {
            TemporalAccessor parsed = RFC_3164.parse(value);
            MonthDay day = MonthDay.from(parsed);
            java.time.LocalTime time = java.time.LocalTime.from(parsed);
            int year = received.atZone(defaultZone).getYear();
            List<Instant> candidates = new ArrayList<>();
            for (int y = year - 1; y <= year + 1; y++) {
                if (day.isValidYear(y)) {
                    candidates.add(ZonedDateTime.of(day.atYear(y), time, defaultZone).toInstant());
                }
            }
            Optional<Instant> closest = candidates.stream()
                    .min(Comparator.comparing(at -> Duration.between(at, received).abs()));
            closest.ifPresent(at -> {
                flags.add(Flag.YEAR_INFERRED);
                flags.add(Flag.ZONE_ASSUMED);
            });
            return closest;
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
