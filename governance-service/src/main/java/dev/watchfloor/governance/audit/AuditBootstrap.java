package dev.watchfloor.governance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** At start, before the service reports ready: a checkpoint signing key exists. */
@ApplicationScoped
public class AuditBootstrap {

    private final CheckpointKeys keys;

    public AuditBootstrap(CheckpointKeys keys) {
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(keys::ensureActive);
    }
}
