package dev.watchfloor.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A growable byte buffer that canonical JSON is written into as UTF-8. It is kept between uses, so that hashing a
 * million entries does not allocate a million strings: {@link ChainHash} holds one per thread. The fields are open to
 * the package so that {@link JsonStrings} can run its loops on locals.
 */
final class Utf8Buffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    byte[] bytes = new byte[1024];
    int length;

    void reset() {
        length = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    String toText() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Makes room for {@code more} bytes after the current end. */
    void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    void ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    /** Text known to be ASCII (number text, for instance). */
    void asciiText(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    /** Bytes as they are, e.g. a member name and colon encoded once ahead. */
    void raw(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    /** Text as bare UTF-8, neither quoted nor escaped; a lone surrogate has no UTF-8 and is refused. */
    void utf8(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        boolean questionMark = false;
        for (byte b : encoded) {
            questionMark |= b == '?'; // what the JDK writes for a lone surrogate
        }
        if (!questionMark) {
            raw(encoded);
            return;
        }
        int n = text.length();
        ensure(3 * n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                i = JsonStrings.nonAscii(this, text, i, c);
            }
        }
    }

    /** A JSON integer; beyond 2^53 it is written as the double it stands for, as RFC 8785 says. */
    void integer(long value) {
        if (Math.abs(value) > JsonNumbers.EXACT_INTEGER_LIMIT || value == Long.MIN_VALUE) {
            asciiText(JsonNumbers.format(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte swap = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swap;
        }
    }

    /** A UUID as a JSON string in its usual lower-case form, without creating the string. */
    void uuid(UUID id) {
        ensure(38);
        bytes[length++] = '"';
        hex(id.getMostSignificantBits() >>> 32, 8);
        bytes[length++] = '-';
        hex(id.getMostSignificantBits() >>> 16, 4);
        bytes[length++] = '-';
        hex(id.getMostSignificantBits(), 4);
        bytes[length++] = '-';
        hex(id.getLeastSignificantBits() >>> 48, 4);
        bytes[length++] = '-';
        hex(id.getLeastSignificantBits(), 12);
        bytes[length++] = '"';
    }

    /** The low {@code digits} hex digits of the value, lower case. */
    void hex(long value, int digits) {
        ensure(digits);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            bytes[length++] = HEX[(int) (value >>> shift) & 0xf];
        }
    }
}
