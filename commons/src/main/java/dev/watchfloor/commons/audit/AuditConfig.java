package dev.watchfloor.commons.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the audit outbox relay; the defaults are documented here and in commons'
 * {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "watchfloor.audit")
public interface AuditConfig {

    Relay relay();

    interface Relay {

        /**
         * How often the relay looks for pending entries; {@code off} disables the schedule and the delivery right after
         * a commit (tests then call {@link AuditRelay#deliverPending()}). Read by the {@code @Scheduled} expression;
         * the Quarkus scheduler ticks once a second, so values under 1s run at 1s.
         */
        @WithDefault("1s")
        String pollInterval();

        /** Entries claimed per pass. */
        @WithDefault("50")
        int batchSize();

        /** How long a replica holds the entries it claimed; a crashed replica's entries are taken over after it. */
        @WithDefault("30s")
        Duration lease();

        /** Wait after the first failed delivery of an entry; doubles with each further failure. */
        @WithDefault("PT0.5S")
        Duration backoffBase();

        /** Longest wait between two deliveries of one entry. */
        @WithDefault("PT5M")
        Duration backoffMax();

        /** Whether the relay runs on a schedule (and after commits): false when the poll interval is off. */
        default boolean scheduled() {
            String value = pollInterval().trim();
            return !value.equalsIgnoreCase("off") && !value.equalsIgnoreCase("disabled");
        }
    }
}
