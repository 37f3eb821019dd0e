package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/** The append-only log file of one service; each start marks where its own output begins. */
final class ServiceLog {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Path file;

    ServiceLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends a line separating this run from earlier ones; returns the offset where this run's output begins. */
    long markStart(String service) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String marker = "=== watchfloor: starting " + service + " at " + Instant.now() + " ==="
                    + System.lineSeparator();
            Files.writeString(file, marker, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return LogTail.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file " + file, e);
        }
    }

    List<String> tail(long fromOffset, int lines) {
        return LogTail.lastLines(file, fromOffset, lines);
    }

    /**
     * The seconds Quarkus reported for this run. The line comes right after the HTTP server opens, so it may lag the
     * first ready answer slightly: wait up to {@code patience} while the process lives.
     */
    OptionalDouble awaitStartupSeconds(long fromOffset, Duration patience, BooleanSupplier alive) {
        long deadline = System.nanoTime() + patience.toNanos();
        OptionalDouble seconds = StartupLine.seconds(LogTail.text(file, fromOffset));
        while (seconds.isEmpty() && System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seconds = StartupLine.seconds(LogTail.text(file, fromOffset));
        }
        return seconds;
    }
}
