package dev.watchfloor.redaction;

/** ASCII character classes by table lookup, for the scanners' inner loops. */
final class Chars {

    private static final int WORD = 1;
    private static final int B64 = 2;
    private static final int HEX = 4;
    private static final int UPPER = 8;
    private static final int LOWER = 16;
    private static final int DIGIT = 32;
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = WORD | B64 | HEX | DIGIT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = (byte) (WORD | B64 | LOWER | (c <= 'f' ? HEX : 0));
            CLASSES[c - 32] = (byte) (WORD | B64 | UPPER | (c <= 'f' ? HEX : 0));
        }
        CLASSES['_'] = WORD | B64;
        CLASSES['+'] = B64;
        CLASSES['/'] = B64;
        CLASSES['-'] = B64;
    }

    private Chars() {
    }

    /** Letters, digits and underscore: what a token is made of. */
    static boolean isWord(char c) {
        return c < 128 && (CLASSES[c] & WORD) != 0;
    }

    /** The standard and the URL-safe base64 alphabets together (without padding). */
    static boolean isBase64(char c) {
        return c < 128 && (CLASSES[c] & B64) != 0;
    }

    static boolean isHex(char c) {
        return c < 128 && (CLASSES[c] & HEX) != 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAlnum(char c) {
        return c < 128 && (CLASSES[c] & (UPPER | LOWER | DIGIT)) != 0;
    }

    static char lower(char c) {
        return isUpper(c) ? (char) (c + 32) : c;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = lower(c);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    /** The index after the word that starts at {@code i}. */
    static int wordEnd(char[] b, int i, int end) {
        int e = i;
        while (e < end && isWord(b[e])) {
            e++;
        }
        return e;
    }

    /** Whether {@code b[i..]} starts with {@code prefix} (prefix in lower case, compared case-insensitively). */
    static boolean startsWithIgnoreCase(char[] b, int i, int end, String prefix) {
        int n = prefix.length();
        if (end - i < n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (lower(b[i + k]) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[i..]} starts with {@code prefix}, exactly. */
    static boolean startsWith(char[] b, int i, int end, String prefix) {
        int n = prefix.length();
        if (end - i < n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code needle} in {@code b[from..end)}, or -1. */
    static int indexOf(char[] b, int from, int end, String needle) {
        char first = needle.charAt(0);
        for (int i = from; i <= end - needle.length(); i++) {
            if (b[i] == first && startsWith(b, i, end, needle)) {
                return i;
            }
        }
        return -1;
    }
}
