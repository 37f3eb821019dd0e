package dev.watchfloor.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes RFC 8785 canonical JSON as UTF-8 straight into a growable byte buffer. The buffer is kept between uses, so
 * that hashing a million entries does not allocate a million strings: {@link ChainHash} holds one writer per thread.
 */
final class CanonicalWriter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /**
     * The ASCII characters a JSON string holds as they are: all but controls, the quote and the backslash; the question
     * mark is left out to be looked at apart (see {@link #string(String)}).
     */
    private static final boolean[] PLAIN_NOT_QUESTION_MARK = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x80; c++) {
            PLAIN_NOT_QUESTION_MARK[c] = c != '"' && c != '\\' && c != '?';
        }
    }

    private byte[] buffer = new byte[1024];
    private int length;

    void reset() {
        length = 0;
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    String toText() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    void value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> string(node.textValue());
            case NUMBER -> number(node);
            case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> raw(NULL);
            default -> throw new IllegalArgumentException("is not valid JSON: a " + node.getNodeType() + " node");
        }
    }

    /** A member name followed by its colon, for callers that write an object's members in order themselves. */
    void name(String name) {
        string(name);
        ascii(':');
    }

    /** Bytes written as they are, e.g. a member name and colon encoded once ahead. */
    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    void ascii(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    void asciiText(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    /** An integer JSON number; beyond 2^53 it is written as the double it stands for, as RFC 8785 says. */
    void integer(long value) {
        if (Math.abs(value) > JsonNumbers.EXACT_INTEGER_LIMIT || value == Long.MIN_VALUE) {
            asciiText(JsonNumbers.format(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            buffer[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte swap = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = swap;
        }
    }

    /** A UUID in its usual lower-case text form, quoted, without creating the string. */
    void uuid(UUID id) {
        ensure(38);
        buffer[length++] = '"';
        hex(id.getMostSignificantBits() >>> 32, 8);
        buffer[length++] = '-';
        hex(id.getMostSignificantBits() >>> 16, 4);
        buffer[length++] = '-';
        hex(id.getMostSignificantBits(), 4);
        buffer[length++] = '-';
        hex(id.getLeastSignificantBits() >>> 48, 4);
        buffer[length++] = '-';
        hex(id.getLeastSignificantBits(), 12);
        buffer[length++] = '"';
    }

    /** Text as bare UTF-8, neither quoted nor escaped; a lone surrogate has none and is refused. */
    void utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean questionMark = false;
        for (byte b : bytes) {
            questionMark |= b == '?'; // what the JDK writes for a lone surrogate
        }
        if (!questionMark) {
            raw(bytes);
            return;
        }
        int n = text.length();
        ensure(3 * n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[length++] = (byte) c;
            } else {
                i = nonAscii(text, i, c);
            }
        }
    }

    /**
     * A JSON string: only the quote, the backslash and control characters are escaped; the rest is UTF-8. Most text in
     * the ledger is ASCII: the JDK encodes it in bulk, and it is checked and copied eight bytes at a time, which is
     * several times faster than going through its chars (this runs about fifteen times per entry hashed).
     */
    void string(String text) {
        int n = text.length();
        ensure(6 * n + 2); // the longest form of one char is a six-byte escape
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length != n) {
            stringWithNonAscii(text);
            return;
        }
        byte[] out = buffer; // locals, so that the loops stay in registers
        int at = length;
        out[at++] = '"';
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = (long) LONGS.get(utf8, i);
            if (needsALook(word)) {
                length = at;
                for (int j = i; j < i + 8; j++) {
                    asciiChar(text, j, utf8[j]);
                }
                at = length;
            } else {
                LONGS.set(out, at, word);
                at += 8;
            }
        }
        length = at;
        for (; i < n; i++) {
            asciiChar(text, i, utf8[i]);
        }
        buffer[length++] = '"';
    }

    /**
     * Whether any of eight ASCII bytes is a control, a quote, a backslash or a question mark, or any byte is not ASCII
     * (the usual tests for a zero byte and for a byte below a bound, exact when all bytes are below 0x80).
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

    /**
     * One char of a string whose UTF-8 has one byte per char: ASCII, except that the JDK encodes a lone surrogate as a
     * question mark, which is told apart here by looking at the char itself.
     */
    private void asciiChar(String text, int i, byte b) {
        if (b >= 0 && PLAIN_NOT_QUESTION_MARK[b]) {
            buffer[length++] = b;
        } else if (b == '?') {
            if (text.charAt(i) != '?') {
                throw new IllegalArgumentException("is not valid JSON: a string holds a lone UTF-16 surrogate");
            }
            buffer[length++] = b;
        } else {
            escape((char) b);
        }
    }

    private void stringWithNonAscii(String text) {
        int n = text.length();
        ascii('"');
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && PLAIN_NOT_QUESTION_MARK[c] || c == '?') {
                buffer[length++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else {
                i = nonAscii(text, i, c);
            }
        }
        ascii('"');
    }

    /** Writes the UTF-8 of the char at i (with its low surrogate, if any); answers the index of the last char used. */
    private int nonAscii(String text, int i, char c) {
        if (c < 0x800) {
            buffer[length++] = (byte) (0xc0 | c >> 6);
            buffer[length++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isSurrogate(c)) {
            return surrogatePair(text, i);
        } else {
            buffer[length++] = (byte) (0xe0 | c >> 12);
            buffer[length++] = (byte) (0x80 | c >> 6 & 0x3f);
            buffer[length++] = (byte) (0x80 | c & 0x3f);
        }
        return i;
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        switch (c) {
            case '"', '\\' -> buffer[length++] = (byte) c;
            case '\b' -> buffer[length++] = 'b';
            case '\t' -> buffer[length++] = 't';
            case '\n' -> buffer[length++] = 'n';
            case '\f' -> buffer[length++] = 'f';
            case '\r' -> buffer[length++] = 'r';
            default -> {
                buffer[length++] = 'u';
                hex(c, 4);
            }
        }
    }

    private int surrogatePair(String text, int i) {
        char high = text.charAt(i);
        char low = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if (!Character.isHighSurrogate(high) || !Character.isLowSurrogate(low)) {
            throw new IllegalArgumentException("is not valid JSON: a string holds a lone UTF-16 surrogate");
        }
        int cp = Character.toCodePoint(high, low);
        buffer[length++] = (byte) (0xf0 | cp >> 18);
        buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3f);
        buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3f);
        buffer[length++] = (byte) (0x80 | cp & 0x3f);
        return i + 1;
    }

    private void number(JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                integer(node.longValue());
            } else {
                BigInteger big = node.bigIntegerValue();
                asciiText(JsonNumbers.format(big.doubleValue()));
            }
        } else if (node.isBigDecimal()) {
            asciiText(JsonNumbers.format(Double.parseDouble(node.decimalValue().toString())));
        } else {
            double value = node.doubleValue();
            if (value == Math.rint(value) && Math.abs(value) < JsonNumbers.EXACT_INTEGER_LIMIT) {
                integer((long) value);
            } else {
                asciiText(JsonNumbers.format(value));
            }
        }
    }

    private void array(JsonNode node) {
        ascii('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                ascii(',');
            }
            value(node.get(i));
        }
        ascii(']');
    }

    /** Members sorted by the UTF-16 code units of their names, which is what {@link String#compareTo} compares. */
    private void object(JsonNode node) {
        ascii('{');
        boolean first = true;
        if (inOrder(node)) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                first = member(first, member.getKey(), member.getValue());
            }
        } else {
            String[] names = new String[node.size()];
            int i = 0;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                names[i++] = member.getKey();
            }
            Arrays.sort(names);
            for (String name : names) {
                first = member(first, name, node.get(name));
            }
        }
        ascii('}');
    }

    private boolean member(boolean first, String name, JsonNode value) {
        if (!first) {
            ascii(',');
        }
        name(name);
        value(value);
        return false;
    }

    /** Objects read from canonical text are already sorted; checking is cheaper than sorting a copy. */
    private static boolean inOrder(JsonNode node) {
        String previous = null;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (previous != null && previous.compareTo(member.getKey()) >= 0) {
                return false;
            }
            previous = member.getKey();
        }
        return true;
    }

    private void hex(long value, int digits) {
        ensure(digits);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            buffer[length++] = HEX[(int) (value >>> shift) & 0xf];
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
