package dev.watchfloor.action;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of action-service; each default is documented here and in the README's config table. */
@ConfigMapping(prefix = "watchfloor.action")
public interface ActionConfig {

    /**
     * How often the executor runs (approval checks, then execution of approved actions); {@code off} disables it. Read
     * by the {@code @Scheduled} expression; listed here so it is documented with the rest. The Quarkus scheduler checks
     * its triggers once a second, so values under 1s run at 1s (and log a warning); a pass that fills its batch is
     * followed at once by another, so a backlog is not paced by this interval.
     */
    @WithDefault("1s")
    String pollInterval();

    /** URL the webhook connector POSTs each action to; unset means every action fails as unconfigured. */
    Optional<String> webhookUrl();

    /** Timeout of one webhook POST. */
    @WithDefault("5s")
    Duration webhookTimeout();

    /** Executions of one action before it is failed. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second attempt; doubles with each further attempt. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** How long a replica holds an executing action before another replica may take it over. */
    @WithDefault("60s")
    Duration lease();

    /** How often one pending approval is checked with governance. */
    @WithDefault("5s")
    Duration approvalCheckInterval();

    /** Actions claimed per executor run and per kind (approval checks, executions). */
    @WithDefault("20")
    int batchSize();
}
