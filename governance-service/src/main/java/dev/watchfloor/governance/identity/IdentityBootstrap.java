package dev.watchfloor.governance.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.security.Roles;

/**
 * At start: a signing key exists, the platform admin client exists when {@code WATCHFLOOR_ADMIN_SECRET} is set, and
 * each mesh service named in {@code WATCHFLOOR_SERVICE_SECRETS} has a client with that secret. Runs before the service
 * reports ready; the one place governance waits on a reactive result, because nothing may be served before it.
 */
@ApplicationScoped
public class IdentityBootstrap {

    public static final String ADMIN_CLIENT_ID = "platform-admin";

    private final SigningKeys keys;
    private final IdentityService identities;
    private final IdentityConfig config;

    public IdentityBootstrap(SigningKeys keys, IdentityService identities, IdentityConfig config) {
        this.keys = keys;
        this.identities = identities;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(keys::ensureActive);
        if (config.adminSecret().filter(s -> !s.isBlank()).isPresent()) {
            String secret = config.adminSecret().get();
            VertxContextSupport.subscribeAndAwait(
                    () -> identities.ensurePlatformClient(ADMIN_CLIENT_ID, Roles.PLATFORM_ADMIN, secret, false));
        }
        for (Map.Entry<String, String> e : serviceSecrets(config.serviceSecrets().orElse("")).entrySet()) {
            VertxContextSupport.subscribeAndAwait(
                    () -> identities.ensurePlatformClient(e.getKey(), Roles.MESH_SERVICE, e.getValue(), true));
        }
        Log.infof("identity ready: issuer keys present%s", config.adminSecret().isPresent()
                ? ", platform admin client '" + ADMIN_CLIENT_ID + "'"
                : "");
    }

    /** Parses {@code name=secret,name=secret}; names must be mesh services. */
    static Map<String, String> serviceSecrets(String spec) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (eq < 0 || MeshService.byClientId(name) == null || pair.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("WATCHFLOOR_SERVICE_SECRETS: expected <mesh service>=<secret>, "
                        + "got an entry for '" + name + "'");
            }
            secrets.put(name, pair.substring(eq + 1).trim());
        }
        return secrets;
    }
}
