package dev.watchfloor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T03:04:05Z");
    private final Timestamps utc = new Timestamps(ZoneOffset.UTC, Duration.ofHours(24));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-28T03:04:05Z                 | 2026-11-28T03:04:05Z",
            "2026-11-28T04:04:05+01:00            | 2026-11-28T03:04:05Z",
            "2026-11-28T04:04:05+0100             | 2026-11-28T03:04:05Z",
            "2026-11-27T22:04:05-05               | 2026-11-28T03:04:05Z",
            "2026-11-28 03:04:05.123456789Z       | 2026-11-28T03:04:05.123456789Z",
            "2026-11-28t03:04:05.5z               | 2026-11-28T03:04:05.500Z",
            "Sat, 28 Nov 2026 03:04:05 GMT        | 2026-11-28T03:04:05Z",
            "28/Nov/2026:04:04:05 +0100           | 2026-11-28T03:04:05Z",
            "1795835045                           | 2026-11-28T03:04:05Z",
            "1795835045.25                        | 2026-11-28T03:04:05.250Z",
            "1795835045123                        | 2026-11-28T03:04:05.123Z",
            "1795835045123456                     | 2026-11-28T03:04:05.123456Z",
            "1795835045123456789                  | 2026-11-28T03:04:05.123456789Z",
            "134403086451234567                   | 2026-11-28T03:04:05.1234567Z"})
    void readsWhatSourcesWriteIntoUtcWithNothingAssumed(String text, String expected) {
        Timestamps.Read read = utc.read(text, false, RECEIVED);

        assertThat(read.utc()).isEqualTo(Instant.parse(expected));
        assertThat(read.original()).isEqualTo(text);
        assertThat(read.flags()).doesNotContain(Timestamps.Flag.UNREADABLE, Timestamps.Flag.ZONE_ASSUMED);
    }

    @Test
    void aTimeWithoutAZoneIsReadInTheSourcesZoneAndSaysSo() {
        Timestamps berlin = new Timestamps(ZoneId.of("Europe/Berlin"), Duration.ofHours(24));

        Timestamps.Read local = berlin.read("2026-11-28 04:04:05", false, RECEIVED);
        Timestamps.Read panos = berlin.read("2026/11/28 04:04:05", false, RECEIVED);
        Timestamps.Read us = berlin.read("11/28/2026 04:04:05", false, RECEIVED);

        assertThat(local.utc()).isEqualTo(RECEIVED);
        assertThat(panos.utc()).isEqualTo(RECEIVED);
        assertThat(us.utc()).isEqualTo(RECEIVED);
        assertThat(local.flagNames()).containsExactly("zone-assumed");
    }

    @Test
    void syslogWithoutAYearTakesTheYearClosestToItsReceiptAcrossNewYear() {
        Instant newYear = Instant.parse("2027-01-01T00:00:10Z");

        Timestamps.Read december = utc.read("Dec 31 23:59:58", false, newYear);
        Timestamps.Read january = utc.read("Jan  1 00:00:05", false, newYear);
        Timestamps.Read today = utc.read("Nov 28 03:04:05", false, RECEIVED);

        assertThat(december.utc()).isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
        assertThat(january.utc()).isEqualTo(Instant.parse("2027-01-01T00:00:05Z"));
        assertThat(today.utc()).isEqualTo(RECEIVED);
        assertThat(december.flagNames()).containsExactly("year-inferred", "zone-assumed");
    }

    @Test
    void missingUnreadableAndSkewedTimesAreFlaggedNeverRefused() {
        Timestamps.Read missing = utc.read(null, false, RECEIVED);
        Timestamps.Read blank = utc.read("  ", false, RECEIVED);
        Timestamps.Read words = utc.read("yesterday", false, RECEIVED);
        Timestamps.Read tooSmall = utc.read("1", true, RECEIVED);
        Timestamps.Read negative = utc.read("-1795835045", true, RECEIVED);
        Timestamps.Read huge = utc.read("99999999999999999999", true, RECEIVED);
        Timestamps.Read badDate = utc.read("2026-02-30T00:00:00Z", false, RECEIVED);
        Timestamps.Read future = utc.read("2026-12-01T00:00:00Z", false, RECEIVED);

        assertThat(missing.utc()).isEqualTo(RECEIVED);
        assertThat(missing.flagNames()).containsExactly("missing");
        assertThat(blank.flagNames()).containsExactly("missing");
        for (Timestamps.Read r : new Timestamps.Read[]{words, tooSmall, negative, huge, badDate}) {
            assertThat(r.utc()).isEqualTo(RECEIVED);
            assertThat(r.flagNames()).containsExactly("unreadable");
        }
        assertThat(future.utc()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(future.flagNames()).containsExactly("skewed");
    }
}
