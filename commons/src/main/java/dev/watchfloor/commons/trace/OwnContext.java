package dev.watchfloor.commons.trace;

import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Starts background work (an investigation, a relay pass) on a new duplicated Vert.x context. OpenTelemetry keeps the
 * current span in the context's locals, so pieces of work that run at the same time on one context would put their
 * spans in each other's traces; each gets a context of its own here.
 */
public final class OwnContext {

    private OwnContext() {
    }

    /** Subscribes to the work on its own context; a failure is logged with {@code what}, never thrown. */
    public static void run(Vertx vertx, String what, Supplier<Uni<?>> work) {
        VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(ignored -> work.get()
                .subscribe().with(done -> {
                }, e -> Log.errorf(e, "%s failed", what)));
    }
}
