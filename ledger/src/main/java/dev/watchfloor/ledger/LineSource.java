package dev.watchfloor.ledger;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;

/**
 * The lines of an export, one at a time, with their numbers, each handed to the JSON parser on its own. From bytes, a
 * line is parsed where it lies in the read buffer (no copy, no string), after checking that it is strict UTF-8:
 * malformed or overlong sequences are an error of that line, not replacement characters.
 */
abstract sealed class LineSource implements Closeable {

    private long number;

    /** Moves to the next line; false at the end of the input. */
    final boolean advance() throws IOException {
        boolean more = read();
        if (more) {
            number++;
        }
        return more;
    }

    /** The number of the current line (1 for the first). */
    final long number() {
        return number;
    }

    /** Whether the current line holds nothing but whitespace. */
    abstract boolean blank();

    /** A parser over the current line only. */
    abstract JsonParser parser() throws IOException;

    abstract boolean read() throws IOException;

    static LineSource of(Reader in) {
        return new Chars(in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16));
    }

    static LineSource of(InputStream in) {
        return new Utf8(in);
    }

    private static final class Chars extends LineSource {

        private final BufferedReader in;
        private String line;

        Chars(BufferedReader in) {
            this.in = in;
        }

        @Override
        boolean read() throws IOException {
            line = in.readLine();
            return line != null;
        }

        @Override
        boolean blank() {
            return line.isBlank();
        }

        @Override
        JsonParser parser() throws IOException {
            return StrictJson.MAPPER.createParser(line);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class Utf8 extends LineSource {

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        private byte[] buffer = new byte[1 << 16];
        private int start;
        private int end;
        private boolean eof;
        private int lineStart;
        private int lineEnd;
        private boolean ascii;

        Utf8(InputStream in) {
            this.in = in;
        }

        @Override
        boolean read() throws IOException {
            int scanFrom = start;
            int bits = 0;
            while (true) {
                for (int i = scanFrom; i < end; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        take(i, bits);
                        start = i + 1;
                        return true;
                    }
                    bits |= b;
                }
                int scanned = end - start;
                if (eof || !fill()) {
                    if (start == end) {
                        return false;
                    }
                    take(end, bits);
                    start = end;
                    return true;
                }
                scanFrom = start + scanned;
            }
        }

        private void take(int newline, int bits) {
            lineStart = start;
            lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
            ascii = bits >= 0;
        }

        @Override
        boolean blank() {
            for (int i = lineStart; i < lineEnd; i++) {
                if (buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        @Override
        JsonParser parser() throws IOException {
            if (ascii) {
                return StrictJson.MAPPER.createParser(buffer, lineStart, lineEnd - lineStart);
            }
            try {
                String text = decoder.decode(ByteBuffer.wrap(buffer, lineStart, lineEnd - lineStart)).toString();
                return StrictJson.MAPPER.createParser(text);
            } catch (CharacterCodingException e) {
                throw new MalformedExportException(number(), "is not UTF-8", e);
            }
        }

        /** Reads more bytes, moving the unread part to the front (or growing the buffer for a long line). */
        private boolean fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                eof = true;
                return false;
            }
            end += read;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
