package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupLineTest {

    @Test
    void readsSecondsFromTheQuarkusBannerLine() {
        String log = """
                2025-11-20 08:00:01,123 INFO  [io.quarkus] (main) ingest-service 0.1.0-SNAPSHOT on JVM \
                (powered by Quarkus 3.30.6) started in 1.234s. Listening on: http://0.0.0.0:8081
                2025-11-20 08:00:01,124 INFO  [io.quarkus] (main) Profile prod activated.
                """;

        assertThat(StartupLine.seconds(log)).hasValue(1.234);
    }

    @Test
    void takesTheLastLineWhenTheLogHoldsSeveralRuns() {
        assertThat(StartupLine.seconds("x started in 3.5s. y\nx started in 12s. y\n")).hasValue(12.0);
    }

    @Test
    void isEmptyWithoutAStartupLine() {
        assertThat(StartupLine.seconds("ERROR Failed to start application\nstarted in the morning")).isEmpty();
    }
}
