package dev.watchfloor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    /** The JDK's reading of the same shapes, the reference the hand-written reader must agree with. */
    private static final DateTimeFormatter REFERENCE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd().toFormatter(Locale.ROOT);

    @Test
    void agreesWithTheJdkOnGeneratedTimesOfEveryAcceptedShape() {
        Random random = new Random(7);
        String[] zones = {"", "Z", "z", "+01:00", "-05:30", "+0100", "-0800", "+01", "-11"};
        for (int i = 0; i < 5_000; i++) {
            LocalDateTime local = LocalDateTime.of(1990 + random.nextInt(110), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
            int digits = random.nextInt(10);
            String fraction = digits == 0
                    ? ""
                    : "." + String.format("%09d", random.nextInt(1_000_000_000))
                            .substring(0, digits);
            String text = local.toLocalDate() + (random.nextBoolean() ? "T" : " ") + local.toLocalTime()
                    .withSecond(local.getSecond()).toString().substring(0, 5)
                    + String.format(":%02d", local.getSecond()) + fraction + zones[random.nextInt(zones.length)];

            IsoTimes.Parsed fast = IsoTimes.parse(text);

            var reference = REFERENCE.parse(text);
            assertThat(fast).as(text).isNotNull();
            assertThat(fast.local()).as(text).isEqualTo(LocalDateTime.from(reference));
            assertThat(fast.offsetSeconds()).as(text)
                    .isEqualTo(reference.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                            ? reference.get(java.time.temporal.ChronoField.OFFSET_SECONDS)
                            : null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-28T24:00:00Z",
            "2026-11-28T10:60:00Z", "2026-11-28T10:00Z", "2026-11-28T10:00:00.Z", "2026-11-28T10:00:00.1234567890Z",
            "2026-11-28T10:00:00+1", "2026-11-28T10:00:00+19:00", "2026-11-28T10:00:00 UTC", "2026-11-28X10:00:00",
            "+2026-11-28T10:00:00Z", "２０２６-11-28T10:00:00Z"})
    void leavesEverythingElseToTheFormatters(String text) {
        assertThat(IsoTimes.parse(text)).isNull();
    }

    @Test
    void readsEpochSecondsInRangeAndLeavesOtherUnitsToTheCaller() {
        long earliest = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

        assertThat(IsoTimes.epochSeconds("1795000000.25", earliest, latest))
                .isEqualTo(Instant.ofEpochSecond(1_795_000_000L, 250_000_000));
        assertThat(IsoTimes.epochSeconds("1795000000", earliest, latest)).isEqualTo(Instant.ofEpochSecond(
                1_795_000_000L));
        assertThat(IsoTimes.epochSeconds("1795000000000", earliest, latest)).isNull(); // milliseconds: the caller's
        assertThat(IsoTimes.epochSeconds("-1795000000", earliest, latest)).isNull();
        assertThat(IsoTimes.epochSeconds("1795000000.", earliest, latest)).isNull();
        assertThat(IsoTimes.epochSeconds("1795000000.1234567891", earliest, latest)).isNull();
        assertThat(IsoTimes.epochSeconds("1.795E9", earliest, latest)).isNull();
    }
}
