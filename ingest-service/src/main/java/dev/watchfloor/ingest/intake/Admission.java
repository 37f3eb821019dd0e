package dev.watchfloor.ingest.intake;

import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.IngestConfig;

/**
 * Back-pressure for intake: at most {@code max-in-flight} bodies are being read and stored at once; beyond that, and
 * whenever the database cannot take writes (refused or dropped connections, connection timeouts, PostgreSQL shutting
 * down or out of resources), the client gets 503 with Retry-After instead of an answer that could not be kept.
 */
@ApplicationScoped
public class Admission {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int max;
    private final int retryAfter;

    public Admission(IngestConfig config) {
        this.max = config.maxInFlight();
        this.retryAfter = (int) Math.max(1, config.retryAfter().toSeconds());
    }

    public <T> Uni<T> admit(Supplier<Uni<T>> work) {
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            return Uni.createFrom().failure(ProblemException.unavailable("busy",
                    "ingest is at its limit of " + max + " requests in flight; retry after " + retryAfter + " s",
                    retryAfter));
        }
        return Uni.createFrom().<T>deferred(() -> work.get())
                .onFailure(Admission::databaseUnavailable).transform(e -> ProblemException.unavailable(
                        "store-unavailable", "the evidence store cannot take writes now; nothing from this request "
                                + "was stored; retry after " + retryAfter + " s",
                        retryAfter))
                .eventually(inFlight::decrementAndGet);
    }

    public int inFlight() {
        return inFlight.get();
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ProblemException) {
                return false;
            }
            if (e instanceof ConnectException || e instanceof io.vertx.core.impl.NoStackTraceThrowable
                    && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timeout")
                    || e.getClass().getSimpleName().equals("ClosedConnectionException")
                    || e.getClass().getSimpleName().equals("ConnectionPoolTooBusyException")) {
                return true;
            }
            if (e instanceof PgException pg && pg.getSqlState() != null && (pg.getSqlState().startsWith("08")
                    || pg.getSqlState().startsWith("53") || pg.getSqlState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }
}
