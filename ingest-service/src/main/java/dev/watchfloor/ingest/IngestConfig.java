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

    Syslog syslog();

    Store store();

    /**
     * The evidence store's monthly partitions of events and the entity index (by the records' own time, UTC months).
     * Months from {@code partition-months-back} before to {@code partition-months-ahead} after the current one get a
     * partition when a record of theirs arrives (and the coming ones ahead of time, hourly); records of other months
     * are kept in the DEFAULT partition.
     */
    interface Store {

        @WithDefault("24")
        int partitionMonthsBack();

        @WithDefault("3")
        int partitionMonthsAhead();
    }

    /** The syslog listener (TCP, UDP, TLS) on ports of its own. */
    interface Syslog {

        /** Off unless set; a tenant must be named when on. */
        @WithDefault("false")
        boolean enabled();

        /** The address the listener binds. */
        @WithDefault("0.0.0.0")
        String host();

        /** TCP with RFC 6587 framing (octet counting or LF); 0 picks a free port. */
        @WithDefault("5514")
        int tcpPort();

        /** UDP, one message per datagram; 0 picks a free port. */
        @WithDefault("5514")
        int udpPort();

        /** The tenant syslog records belong to. */
        java.util.Optional<String> tenant();

        /** The client name recorded as the submitter. */
        @WithDefault("syslog")
        String client();

        /** Whether messages are stored as events (context) or alerts (investigated). */
        @WithDefault("event")
        String kind();

        /** Messages stored per transaction. */
        @WithDefault("500")
        int batchSize();

        /** The longest a message waits for its batch to fill. */
        @WithDefault("PT0.2S")
        Duration flushInterval();

        /** Messages held while the store is slow or down; beyond it TCP is not read and UDP is dropped. */
        @WithDefault("20000")
        int maxPending();

        /** Wait before storing a failed batch again. */
        @WithDefault("PT2S")
        Duration retryInterval();

        /** A longer message is cut (a line) or read as a line (a count beyond it). */
        @WithDefault("65536")
        int maxMessageBytes();

        Tls tls();

        /** RFC 5425 TLS, on when a PEM certificate and key are configured. */
        interface Tls {

            @WithDefault("6514")
            int port();

            java.util.Optional<String> cert();

            java.util.Optional<String> key();
        }
    }

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
