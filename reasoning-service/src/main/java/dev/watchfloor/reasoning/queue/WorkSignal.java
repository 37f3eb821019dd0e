package dev.watchfloor.reasoning.queue;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;

import dev.watchfloor.reasoning.ReasoningConfig;

/**
 * Wakes the worker when work arrives: queuing an investigation sends {@code NOTIFY reasoning_work} in its transaction,
 * and each replica keeps one connection that LISTENs and runs a worker pass on every notification. A lost connection is
 * opened again at the next poll; until then the poll alone finds the work, as before.
 */
@ApplicationScoped
public class WorkSignal {

    static final String CHANNEL = "reasoning_work";
    /** Sent by the transaction that queues an investigation; delivered when it commits. */
    public static final String NOTIFY = "NOTIFY " + CHANNEL;

    private final Vertx vertx;
    private final PgConnectOptions connect;
    private final InvestigationWorker worker;
    private final boolean enabled;
    private volatile PgConnection listening;
    private volatile boolean connecting;

    public WorkSignal(Vertx vertx, InvestigationWorker worker, ReasoningConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.worker = worker;
        this.enabled = config.queue().wakeOnNotify();
        // a connection of its own, outside the pool: a pooled connection does not reliably deliver notifications
        this.connect = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(connect::setUser);
        password.ifPresent(connect::setPassword);
    }

    void start(@Observes StartupEvent event) {
        listen();
    }

    void stop(@Observes ShutdownEvent event) {
        PgConnection connection = listening;
        listening = null;
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    /** Opens the listening connection again if it was lost. */
    @Scheduled(every = "${watchfloor.reasoning.queue.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepListening() {
        listen();
    }

    private void listen() {
        if (!enabled || listening != null || connecting) {
            return;
        }
        connecting = true;
        PgConnection.connect(vertx, connect).chain(connection -> {
            connection.notificationHandler(n -> worker.wake());
            connection.closeHandler(() -> listening = null);
            return connection.query("LISTEN " + CHANNEL).execute().replaceWith(connection);
        }).subscribe().with(connection -> {
            listening = connection;
            connecting = false;
        }, e -> {
            connecting = false;
            Log.warnf("Cannot listen for new investigations (polling only until the next try): %s", e.toString());
        });
    }
}
