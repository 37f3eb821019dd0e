package dev.watchfloor.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "watchfloor.ingest")
public interface IngestConfig {

    /** Most records accepted in one POST; larger batches get 413. */
    @WithDefault("5000")
    int maxRecords();

    Outbox outbox();

    interface Outbox {

        /** Hand newly accepted alerts to reasoning right after their commit, not only at the next pass. */
        @WithDefault("true")
        boolean nudge();

        /** Pause between relay passes. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Outbox rows claimed per pass. */
        @WithDefault("20")
        int batchSize();

        /** First retry delay; doubles per attempt. */
        @WithDefault("PT0.5S")
        Duration backoffBase();

        /** Longest retry delay. */
        @WithDefault("PT60S")
        Duration backoffMax();
    }
}
