package dev.watchfloor.governance.budget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code watchfloor.governance.budget.*}: reservations of model-call budgets. */
@ConfigMapping(prefix = "watchfloor.governance.budget")
public interface BudgetConfig {

    /**
     * How long a reservation holds without being settled or released; after it, the caller is taken to have crashed and
     * the hold is released. Longer than the slowest model call.
     */
    @WithDefault("PT10M")
    Duration reservationLease();

    /** How often reservations past their lease are released and audited ("off" disables). */
    @WithDefault("30s")
    String leaseCheckInterval();
}
