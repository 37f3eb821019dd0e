package dev.watchfloor.ingest.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a syslog TCP stream into messages per RFC 6587: octet counting ({@code MSG-LEN SP SYSLOG-MSG}, RFC 5425's
 * framing too) and non-transparent framing (messages ended by LF; a CR before it and a trailing NUL are dropped). The
 * method is told apart per message by its first byte: a digit starts a count, anything else a line. A count that is not
 * a number or exceeds the limit ends the frame as a line instead, so a confused sender costs one message, not the
 * connection; a line longer than the limit is cut there.
 */
final class SyslogFramer {

    private final int maxMessage;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    SyslogFramer(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** Feeds bytes read from the connection; answers the messages they completed. */
    List<String> feed(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] buffer = pending.toByteArray();
        List<String> messages = new ArrayList<>();
        int pos = 0;
        while (pos < buffer.length) {
            int consumed = next(buffer, pos, messages);
            if (consumed == 0) {
                break;
            }
            pos += consumed;
        }
        pending.reset();
        pending.write(buffer, pos, buffer.length - pos);
        return messages;
    }

    /** What is left when the connection closes: a last line without its LF. */
    List<String> close() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        String text = text(rest, 0, rest.length);
        return text.isBlank() ? List.of() : List.of(text);
    }

    /** Reads one message at {@code pos}; answers the bytes consumed, 0 when more input is needed. */
    private int next(byte[] b, int pos, List<String> out) {
        if (b[pos] == '\n' || b[pos] == '\r' || b[pos] == 0) {
            return 1; // stray separators between frames
        }
        if (Character.isDigit(b[pos])) {
            int i = pos;
            long length = 0;
            while (i < b.length && Character.isDigit(b[i]) && i - pos < 10) {
                length = length * 10 + (b[i] - '0');
                i++;
            }
            if (i == b.length) {
                return 0;
            }
            if (b[i] == ' ' && length > 0 && length <= maxMessage) {
                int start = i + 1;
                if (b.length - start < length) {
                    return 0;
                }
                out.add(text(b, start, (int) length));
                return start + (int) length - pos;
            }
            // not a count: read it as a line
        }
        for (int i = pos; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(text(b, pos, i - pos));
                return i + 1 - pos;
            }
            if (i - pos >= maxMessage) {
                out.add(text(b, pos, i - pos));
                return i - pos;
            }
        }
        return 0;
    }

    private static String text(byte[] b, int from, int length) {
        int end = from + length;
        while (end > from && (b[end - 1] == '\r' || b[end - 1] == 0 || b[end - 1] == '\n')) {
            end--;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }
}
