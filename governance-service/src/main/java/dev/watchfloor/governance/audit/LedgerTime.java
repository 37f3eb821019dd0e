package dev.watchfloor.governance.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The text form of an entry's time that its hash covers: UTC with exactly six fraction digits, which is what
 * PostgreSQL's timestamptz keeps, so the text read back always equals the text hashed.
 */
final class LedgerTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private LedgerTime() {
    }

    static String now() {
        return format(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static OffsetDateTime parse(String text) {
        return Instant.parse(text).atOffset(ZoneOffset.UTC);
    }
}
