package dev.watchfloor.redaction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Secrets hidden by escaping: a run holding {@code %XX} (URL encoding), {@code \\uXXXX} or {@code \\xXX} escapes is
 * decoded ({@code %XX} and {@code \\xXX} as UTF-8 bytes) and scanned again; when anything is found the whole run is
 * masked with that detector. A run is the stretch of characters around the escape up to whitespace, quotes or one of
 * {@code < > & ? = , ; : / ( ) [ ] { } | @}, so one query parameter value or one path segment at a time.
 */
final class EscapedRuns {

    private EscapedRuns() {
    }

    /** Whether an escape starts at {@code i} ({@code %} or backslash). */
    static boolean isEscape(char[] b, int i, int end) {
        if (b[i] == '%') {
            return i + 2 < end && Chars.isHex(b[i + 1]) && Chars.isHex(b[i + 2]);
        }
        if (i + 1 >= end) {
            return false;
        }
        if (b[i + 1] == 'u') {
            return i + 5 < end && hex(b, i + 2, 4) >= 0;
        }
        return b[i + 1] == 'x' && i + 3 < end && hex(b, i + 2, 2) >= 0;
    }

    /** Called at an escape; returns the end of the run (masked if it hid something), or -1 if there is no escape. */
    static int at(TextScanner scanner, char[] b, int off, int i, int end, int depth, Findings out, Scratch s) {
        if (!isEscape(b, i, end)) {
            return -1;
        }
        int start = i;
        int floor = out.floor(off);
        while (start > floor && inRun(b[start - 1])) {
            start--;
        }
        int e = i;
        while (e < end && inRun(b[e])) {
            e++;
        }
        Detector found = scanner.firstIn(decode(b, start, e), depth + 1, s);
        if (found != null) {
            out.add(start, e, found, true);
        }
        return e;
    }

    static String decode(char[] b, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        int k = from;
        while (k < to) {
            int step = escapeLength(b, k, to);
            if (b[k] == '%' && step == 3) {
                bytes.write(hex(b, k + 1, 2));
            } else if (step == 6) {
                utf8(bytes, (char) hex(b, k + 2, 4));
            } else if (step == 4) {
                bytes.write(hex(b, k + 2, 2));
            } else {
                utf8(bytes, b[k] == '+' ? ' ' : b[k]);
            }
            k += step;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int escapeLength(char[] b, int k, int to) {
        if (!isEscape(b, k, to)) {
            return 1;
        }
        return b[k] == '%' ? 3 : b[k + 1] == 'u' ? 6 : 4;
    }

    private static void utf8(ByteArrayOutputStream bytes, char c) {
        if (c < 0x80) {
            bytes.write(c);
        } else {
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int hex(char[] b, int from, int digits) {
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            int h = Chars.hexValue(b[k]);
            if (h < 0) {
                return -1;
            }
            v = (v << 4) | h;
        }
        return v;
    }

    private static boolean inRun(char c) {
        return c > ' ' && "\"'<>&?=,;:/()[]{}|@".indexOf(c) < 0;
    }
}
