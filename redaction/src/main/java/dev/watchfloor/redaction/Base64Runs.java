package dev.watchfloor.redaction;

import java.nio.charset.StandardCharsets;

/**
 * Secrets hidden in base64: a run of 16+ base64 characters (standard or URL-safe, padding optional) with both upper-
 * and lower-case letters is decoded; when it decodes to mostly printable UTF-8 the text is scanned again, and when
 * anything is found the whole run is masked with that detector. A run that does not decode is also tried from after
 * each of its first few slashes (a base64 value at the end of a path).
 */
final class Base64Runs {

    static final int MIN_RUN = 16;
    private static final int SLASH_RETRIES = 4;

    private Base64Runs() {
    }

    /** Called where a run of base64 characters starts; returns the end of a masked run, or -1. */
    static int at(TextScanner scanner, char[] b, int i, int end, int depth, Findings out, Scratch s) {
        int e = i;
        boolean upper = false;
        boolean lower = false;
        while (e < end && Chars.isBase64(b[e])) {
            upper |= Chars.isUpper(b[e]);
            lower |= Chars.isLower(b[e]);
            e++;
        }
        if (e - i < MIN_RUN || !upper || !lower) {
            return -1;
        }
        int padded = e;
        while (padded < end && padded - e < 2 && b[padded] == '=') {
            padded++;
        }
        Detector found = decodeAndScan(scanner, b, i, e, depth, s);
        for (int k = i, tries = 0; found == null && k < e - MIN_RUN && tries < SLASH_RETRIES; k++) {
            if (b[k] == '/') {
                tries++;
                found = decodeAndScan(scanner, b, k + 1, e, depth, s);
            }
        }
        if (found == null) {
            return -1;
        }
        out.add(i, padded, found, true);
        return padded;
    }

    private static Detector decodeAndScan(TextScanner scanner, char[] b, int from, int to, int depth, Scratch s) {
        int n = decode(b, from, to, s);
        if (n < 0) {
            return null;
        }
        String text = new String(s.bytes, 0, n, StandardCharsets.UTF_8);
        return scanner.firstIn(text, depth + 1, s);
    }

    /** Decodes into {@code s.bytes}; -1 if the length is impossible or the bytes do not look like text. */
    private static int decode(char[] b, int from, int to, Scratch s) {
        int len = to - from;
        if (len % 4 == 1) {
            return -1;
        }
        byte[] out = s.bytes(len);
        int n = 0;
        int bad = 0;
        int acc = 0;
        int bits = 0;
        for (int k = from; k < to; k++) {
            acc = (acc << 6) | sextet(b[k]);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                int v = (acc >> bits) & 0xff;
                out[n++] = (byte) v;
                if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r') || v == 0x7f) {
                    bad++;
                }
                if (bad * 16 > n + 16) {
                    return -1;
                }
            }
        }
        return printable(out, n) ? n : -1;
    }

    /** Mostly printable: few control bytes (checked while decoding) and bytes above 0x7f only as valid UTF-8. */
    private static boolean printable(byte[] bytes, int n) {
        int high = 0;
        for (int k = 0; k < n; k++) {
            if (bytes[k] < 0) {
                high++;
            }
        }
        if (high == 0) {
            return true;
        }
        String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
        int replaced = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\uFFFD') {
                replaced++;
            }
        }
        return replaced * 16 <= text.length();
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : 63;
    }
}
