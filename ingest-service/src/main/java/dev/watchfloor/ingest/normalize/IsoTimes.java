package dev.watchfloor.ingest.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The time shapes nearly every record carries, read by hand: {@code yyyy-MM-dd[T ]HH:mm:ss[.f…][Z|±HH:MM|±HHMM|±HH]}
 * and epoch seconds. {@link Timestamps} tries these first and hands anything else (or anything not valid) to its
 * formatters, which then decide exactly as before; so these readers only need to be right on what they accept.
 */
final class IsoTimes {

    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};

    /** A local date and time, and the offset written with it (null: none was written). */
    record Parsed(LocalDateTime local, Integer offsetSeconds) {
    }

    private IsoTimes() {
    }

    /** The common ISO-8601 shape, or null when the text is anything else. */
    static Parsed parse(String v) {
        int n = v.length();
        if (n < 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        char t = v.charAt(10);
        int year = number(v, 0, 4);
        int month = number(v, 5, 2);
        int day = number(v, 8, 2);
        int hour = number(v, 11, 2);
        int minute = number(v, 14, 2);
        int second = number(v, 17, 2);
        if (t != 'T' && t != 't' && t != ' ' || (year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && v.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(v.charAt(i))) {
                i++;
            }
            int digits = i - start;
            if (digits < 1 || digits > 9) {
                return null;
            }
            nanos = number(v, start, digits) * SCALE[9 - digits];
        }
        Integer offset = null;
        if (i < n) {
            char c = v.charAt(i);
            if (c == 'Z' || c == 'z') {
                offset = 0;
                i++;
            } else if (c == '+' || c == '-') {
                int hours = number(v, i + 1, 2);
                int minutes = 0;
                i += 3;
                if (i < n && v.charAt(i) == ':') {
                    minutes = number(v, i + 1, 2);
                    i += 3;
                } else if (i < n) {
                    minutes = number(v, i, 2);
                    i += 2;
                }
                if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                    return null;
                }
                offset = (c == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
            } else {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        try {
            return new Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Epoch seconds written as up to ten digits with an optional fraction of up to nine, when they land in
     * {@code [earliest, latest)}; otherwise null (other units and forms are the caller's).
     */
    static Instant epochSeconds(String v, long earliest, long latest) {
        int n = v.length();
        int i = 0;
        long whole = 0;
        while (i < n && isDigit(v.charAt(i))) {
            whole = whole * 10 + (v.charAt(i) - '0');
            i++;
        }
        if (i == 0 || i > 10 || whole < earliest || whole >= latest) {
            return null;
        }
        int nanos = 0;
        if (i < n) {
            int digits = n - i - 1;
            if (v.charAt(i) != '.' || digits < 1 || digits > 9 || number(v, i + 1, digits) < 0) {
                return null;
            }
            nanos = number(v, i + 1, digits) * SCALE[9 - digits];
        }
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** The ASCII digits at {@code [from, from + count)} as a number, or -1. */
    private static int number(String v, int from, int count) {
        if (from + count > v.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
