package dev.watchfloor.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * JSON strings as RFC 8785 writes them: only the quote, the backslash and control characters are escaped (the controls
 * with the short forms {@code \b \t \n \f \r} where JSON has them, else as a six-character escape of four lower-case
 * hex digits), and everything else is written as its UTF-8. A lone UTF-16 surrogate has no UTF-8 and is refused.
 * <p>
 * This runs about fifteen times for every entry hashed, and most text in the ledger is ASCII: the JDK encodes that in
 * bulk, and it is then checked and copied eight bytes at a time, several times faster than going char by char.
 */
final class JsonStrings {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final String LONE_SURROGATE = "is not valid JSON: a string holds a lone UTF-16 surrogate";
    /**
     * The ASCII characters a JSON string holds as they are: all but controls, the quote and the backslash. The question
     * mark is left out to be looked at apart, since the JDK's UTF-8 encoder also writes it for a lone surrogate.
     */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\' && c != '?';
        }
    }

    private JsonStrings() {
    }

    /** Writes the text as a quoted JSON string. */
    static void write(Utf8Buffer out, String text) {
        int n = text.length();
        out.ensure(6 * n + 2); // the longest form of one char is a six-byte escape
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length != n) {
            writeNonAscii(out, text);
            return;
        }
        byte[] bytes = out.bytes; // locals, so that the loop stays in registers
        int at = out.length;
        bytes[at++] = '"';
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = (long) LONGS.get(utf8, i);
            if (needsALook(word)) {
                out.length = at;
                for (int j = i; j < i + 8; j++) {
                    asciiChar(out, text, j, utf8[j]);
                }
                at = out.length;
            } else {
                LONGS.set(bytes, at, word);
                at += 8;
            }
        }
        out.length = at;
        for (; i < n; i++) {
            asciiChar(out, text, i, utf8[i]);
        }
        out.bytes[out.length++] = '"';
    }

    /**
     * Whether any of eight bytes is a control, a quote, a backslash or a question mark, or is not ASCII (the usual
     * tests for a zero byte and for a byte below a bound, exact when every byte is below 0x80).
     */
    private static boolean needsALook(long word) {
        long found = (word - 0x2020202020202020L) & ~word;
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5c5c5c5c5c5c5c5cL;
        long question = word ^ 0x3f3f3f3f3f3f3f3fL;
        found |= (quote - 0x0101010101010101L) & ~quote;
        found |= (backslash - 0x0101010101010101L) & ~backslash;
        found |= (question - 0x0101010101010101L) & ~question;
        return ((found | word) & 0x8080808080808080L) != 0;
    }

    /** One char of a string whose UTF-8 has one byte per char: ASCII, or a lone surrogate the JDK wrote as '?'. */
    private static void asciiChar(Utf8Buffer out, String text, int i, byte b) {
        if (b >= 0 && PLAIN[b]) {
            out.bytes[out.length++] = b;
        } else if (b == '?') {
            if (text.charAt(i) != '?') {
                throw new IllegalArgumentException(LONE_SURROGATE);
            }
            out.bytes[out.length++] = b;
        } else {
            escape(out, (char) b);
        }
    }

    private static void writeNonAscii(Utf8Buffer out, String text) {
        int n = text.length();
        out.bytes[out.length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && PLAIN[c] || c == '?') {
                out.bytes[out.length++] = (byte) c;
            } else if (c < 0x80) {
                escape(out, c);
            } else {
                i = nonAscii(out, text, i, c);
            }
        }
        out.bytes[out.length++] = '"';
    }

    private static void escape(Utf8Buffer out, char c) {
        byte[] bytes = out.bytes;
        bytes[out.length++] = '\\';
        switch (c) {
            case '"', '\\' -> bytes[out.length++] = (byte) c;
            case '\b' -> bytes[out.length++] = 'b';
            case '\t' -> bytes[out.length++] = 't';
            case '\n' -> bytes[out.length++] = 'n';
            case '\f' -> bytes[out.length++] = 'f';
            case '\r' -> bytes[out.length++] = 'r';
            default -> {
                bytes[out.length++] = 'u';
                out.hex(c, 4);
            }
        }
    }

    /**
     * Writes the UTF-8 of the non-ASCII char at i (with its low surrogate, if it is a high one) into room already made;
     * answers the index of the last char used.
     */
    static int nonAscii(Utf8Buffer out, String text, int i, char c) {
        byte[] bytes = out.bytes;
        if (c < 0x800) {
            bytes[out.length++] = (byte) (0xc0 | c >> 6);
            bytes[out.length++] = (byte) (0x80 | c & 0x3f);
            return i;
        }
        if (!Character.isSurrogate(c)) {
            bytes[out.length++] = (byte) (0xe0 | c >> 12);
            bytes[out.length++] = (byte) (0x80 | c >> 6 & 0x3f);
            bytes[out.length++] = (byte) (0x80 | c & 0x3f);
            return i;
        }
        char low = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
            throw new IllegalArgumentException(LONE_SURROGATE);
        }
        int cp = Character.toCodePoint(c, low);
        bytes[out.length++] = (byte) (0xf0 | cp >> 18);
        bytes[out.length++] = (byte) (0x80 | cp >> 12 & 0x3f);
        bytes[out.length++] = (byte) (0x80 | cp >> 6 & 0x3f);
        bytes[out.length++] = (byte) (0x80 | cp & 0x3f);
        return i + 1;
    }
}
