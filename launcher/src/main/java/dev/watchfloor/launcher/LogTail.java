package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a log file, from a given offset on, without loading huge logs whole. */
final class LogTail {

    /** At most this many bytes are read from the end. */
    static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    /** The last {@code lines} lines written at or after {@code fromOffset}; empty when the file does not exist. */
    static List<String> lastLines(Path file, long fromOffset, int lines) {
        List<String> all = text(file, fromOffset).lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** Everything written at or after {@code fromOffset}, capped to the last {@link #MAX_BYTES}. */
    static String text(Path file, long fromOffset) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(Math.max(0, fromOffset), length - MAX_BYTES);
            if (start >= length) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
