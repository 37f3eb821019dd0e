package dev.watchfloor.governance.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code watchfloor.governance.audit.*}: signed checkpoints of the ledger. */
@ConfigMapping(prefix = "watchfloor.governance.audit")
public interface AuditConfig {

    /** A checkpoint is signed in the same transaction as every N-th entry of a tenant. */
    @WithDefault("100")
    int checkpointEvery();

    /** And at this interval for every tenant whose head is newer than its last checkpoint ("off" disables). */
    @WithDefault("1m")
    String checkpointInterval();
}
