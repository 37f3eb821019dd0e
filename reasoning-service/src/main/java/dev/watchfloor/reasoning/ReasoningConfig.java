package dev.watchfloor.reasoning;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "watchfloor.reasoning")
public interface ReasoningConfig {

    Queue queue();

    /** Token budget asked of context-service per investigation. */
    @WithDefault("4000")
    int tokenBudget();

    Convergence convergence();

    AnswerCache answerCache();

    /** When and how often a model is asked again before its answer is trusted. */
    interface Convergence {

        /** Runs of the model for high severity or any consequential action (evidence order, instruction, seed vary). */
        @WithDefault("3")
        int runs();

        /** Share of runs that must give the modal verdict; below it the verdict is needs_review. */
        @WithDefault("0.75")
        double agreement();

        /** The first two runs agreeing, each at least this confident, end the runs early. */
        @WithDefault("0.8")
        double earlyStopConfidence();

        /** Sampling temperature of every model call. */
        @WithDefault("0.2")
        double temperature();
    }

    /**
     * Verified model answers kept by alert, evidence, model and prompt version, so a rerun of the same case is free.
     */
    interface AnswerCache {

        /** Answers kept; 0 turns the cache off. */
        @WithDefault("1000")
        int size();

        @WithDefault("1h")
        Duration ttl();
    }

    interface Queue {

        /** Pause between passes of the worker. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Investigations leased per pass, and run at the same time by this replica. */
        @WithDefault("4")
        int batchSize();

        /**
         * Wake the worker as soon as an investigation is queued (PostgreSQL LISTEN/NOTIFY), instead of at the next
         * poll; the poll stays as the safety net and for retries that are due later.
         */
        @WithDefault("true")
        boolean wakeOnNotify();

        /** Lease length; a crashed replica's investigations are taken over once it lapses. */
        @WithDefault("60s")
        Duration lease();

        /**
         * How often a replica extends the leases of the investigations it is running (well under {@link #lease()}), so
         * a long model step is never taken over while its replica lives.
         */
        @WithDefault("15s")
        Duration leaseRenewal();

        /** Attempts before an investigation is marked failed. */
        @WithDefault("5")
        int maxAttempts();

        /** Delay before a failed attempt is retried. */
        @WithDefault("5s")
        Duration retryDelay();

        /**
         * First delay after an attempt failed only because a peer was unavailable (UNAVAILABLE, DEADLINE_EXCEEDED, a
         * timeout, an open circuit); it doubles with each such failure in a row, up to {@link #outageBackoffMax()}, and
         * such attempts do not count against {@link #maxAttempts()}.
         */
        @WithDefault("1s")
        Duration outageBackoff();

        /** The longest delay between attempts during an outage. */
        @WithDefault("30s")
        Duration outageBackoffMax();
    }
}
