package dev.watchfloor.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "watchfloor.ingest")
public interface IngestConfig {

    /** Most records accepted in one POST; larger batches get 413. */
    @WithDefault("5000")
    int maxRecords();

    /** A string value longer than this (characters) is cut, with a warning on the record. */
    @WithDefault("65536")
    int maxFieldChars();

    /** The most a gzip body may inflate to (bytes); beyond it the request gets 413. */
    @WithDefault("104857600")
    long maxDecompressedBytes();

    /** Alerts of the same source, detection and entities within this span of time join one group. */
    @WithDefault("15m")
    Duration groupWindow();

    /** How long the first answer to an Idempotency-Key is kept for retries. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** Intake requests being read and stored at once; more get 503 with Retry-After. */
    @WithDefault("64")
    int maxInFlight();

    /** The Retry-After of a 503 (busy, or the store unavailable). */
    @WithDefault("2s")
    Duration retryAfter();

    Outbox outbox();

    Time time();

    /** How record times are read ({@code Timestamps}). */
    interface Time {

        /** The zone of times written without one (RFC 3164 syslog, local vendor formats); an IANA id. */
        @WithDefault("UTC")
        java.time.ZoneId defaultZone();

        /** Per {@code source}: its own zone, e.g. {@code watchfloor.ingest.time.zones.asa=Europe/Berlin}. */
        java.util.Map<String, java.time.ZoneId> zones();

        /** A time further than this from when its record was received is kept and flagged {@code skewed}. */
        @WithDefault("24h")
        Duration maxSkew();
    }

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

        /** How long a claimed row is left to its relay before another pass may take it (it must outlast a pass). */
        @WithDefault("PT60S")
        Duration claimLease();

        /** First retry delay; doubles per attempt. */
        @WithDefault("PT0.5S")
        Duration backoffBase();

        /** Longest retry delay. */
        @WithDefault("PT60S")
        Duration backoffMax();
    }
}
