package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLinesAfterTheOffset() throws Exception {
        Path log = dir.resolve("svc.log");
        Files.writeString(log, "old run\n");
        long offset = Files.size(log);
        Files.writeString(log, IntStream.rangeClosed(1, 50).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")), java.nio.file.StandardOpenOption.APPEND);

        assertThat(LogTail.lastLines(log, offset, 30)).hasSize(30).startsWith("line 21").endsWith("line 50");
        assertThat(LogTail.lastLines(log, offset, 100)).hasSize(50).doesNotContain("old run");
        assertThat(LogTail.lastLines(log, 0, 100)).startsWith("old run");
    }

    @Test
    void readsOnlyTheEndOfHugeLogs() throws Exception {
        Path log = dir.resolve("big.log");
        Files.writeString(log, "x".repeat(LogTail.MAX_BYTES * 2) + "\nlast line\n");

        assertThat(LogTail.text(log, 0)).hasSizeLessThanOrEqualTo(LogTail.MAX_BYTES);
        assertThat(LogTail.lastLines(log, 0, 1)).containsExactly("last line");
    }

    @Test
    void missingFileHasNoLines() {
        assertThat(LogTail.lastLines(dir.resolve("absent.log"), 0, 30)).isEmpty();
    }
}
