package dev.watchfloor.governance.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code watchfloor.governance.identity.*}: governance as the mesh's token issuer. */
@ConfigMapping(prefix = "watchfloor.governance.identity")
public interface IdentityConfig {

    /** Lifetime of an access token. */
    @WithDefault("PT15M")
    Duration tokenTtl();

    /**
     * Secret of the platform admin client ({@code platform-admin}), from {@code WATCHFLOOR_ADMIN_SECRET}. Created on
     * first start when set; an existing client keeps its secret.
     */
    Optional<String> adminSecret();

    /**
     * The mesh services' client secrets, from {@code WATCHFLOOR_SERVICE_SECRETS}:
     * {@code ingest-service=...,context-service=...}. Applied on every start (the deployment owns them).
     */
    Optional<String> serviceSecrets();
}
