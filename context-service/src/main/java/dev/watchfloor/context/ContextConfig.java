package dev.watchfloor.context;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "watchfloor.context")
public interface ContextConfig {

    /** Token budget of an assembly when the request gives none. */
    @WithDefault("4000")
    int defaultTokenBudget();

    /** Most related records fetched per alert before scoring. */
    @WithDefault("200")
    int maxCandidates();

    /** Member ids of the alert's group listed in its evidence item. */
    @WithDefault("20")
    int groupMembersInEvidence();

    /** Member ids GetAlertGroup lists when the request names no limit; a request may ask for up to 1000. */
    @WithDefault("100")
    int groupMembersListed();
}
