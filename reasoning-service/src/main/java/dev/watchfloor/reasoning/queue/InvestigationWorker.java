package dev.watchfloor.reasoning.queue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.watchfloor.commons.trace.OwnContext;
import dev.watchfloor.reasoning.ReasoningConfig;
import dev.watchfloor.reasoning.pipeline.InvestigationPipeline;

/**
 * Runs up to {@code batch-size} investigations at the same time on this replica, each started as soon as a slot is free
 * and work is due; woken by the poll, by {@link WorkSignal} when work is queued, and by each investigation that ends.
 */
@ApplicationScoped
public class InvestigationWorker {

    private final InvestigationQueue queue;
    private final InvestigationPipeline pipeline;
    private final ReasoningConfig.Queue config;
    private final String owner = "reasoning-" + UUID.randomUUID();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.Set<UUID> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean leasing = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    private final Vertx vertx;

    public InvestigationWorker(InvestigationQueue queue, InvestigationPipeline pipeline, ReasoningConfig config,
            Vertx vertx) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.config = config.queue();
        this.vertx = vertx;
    }

    @Scheduled(every = "${watchfloor.reasoning.queue.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        wake();
        return Uni.createFrom().voidItem();
    }

    /**
     * Leases as many due investigations as this replica has free slots ({@code batch-size} run at the same time) and
     * starts each on its own; every one that ends frees its slot and wakes the worker again. Called by the poll, by
     * {@link WorkSignal} when work is queued, and after each investigation. Leasing never overlaps: a wake during a
     * lease asks for another right after it.
     */
    void wake() {
        int free = config.batchSize() - inFlight.get();
        if (free <= 0) {
            return; // the next investigation to end wakes the worker
        }
        if (!leasing.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        queue.failExhaustedLeases(config.maxAttempts())
                .invoke(ended -> {
                    if (ended > 0) {
                        Log.warnf("%d investigation(s) failed: their lease lapsed on the last attempt", ended);
                    }
                })
                .chain(() -> queue.lease(owner, free, config.lease()))
                .subscribe().with(leased -> {
                    inFlight.addAndGet(leased.size());
                    leasing.set(false);
                    leased.forEach(this::start);
                    if (again.get() || (leased.size() == free && !leased.isEmpty())) {
                        wake();
                    }
                }, e -> {
                    leasing.set(false);
                    Log.warnf("Investigation queue pass failed: %s", e.getMessage());
                });
    }

    /** Keeps the leases of the investigations this replica is running from lapsing while it is alive. */
    @Scheduled(every = "${watchfloor.reasoning.queue.lease-renewal}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewLeases() {
        return queue.renew(owner, List.copyOf(running), config.lease())
                .onFailure().invoke(e -> Log.warnf("Renewing leases failed: %s", e.getMessage()))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    /** Starts one investigation on a Vert.x context of its own (its trace context must not be another's). */
    private void start(QueuedInvestigation q) {
        running.add(q.id());
        OwnContext.run(vertx, "investigation " + q.id(), () -> runOne(q).eventually(() -> {
            running.remove(q.id());
            inFlight.decrementAndGet();
            wake();
        }));
    }

    private Uni<Void> runOne(QueuedInvestigation q) {
        return pipeline.run(q)
                .invoke(won -> {
                    if (!won) {
                        Log.infof("Investigation %s was taken over by another replica; result discarded", q.id());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    if (Outages.isOutage(e)) {
                        Log.infof("Investigation %s waits for a peer: %s", q.id(), Outages.describe(e));
                        return queue.retryAfterOutage(q, Outages.describe(e), config.outageBackoff(),
                                config.outageBackoffMax());
                    }
                    Log.warnf("Investigation %s attempt %d failed: %s", q.id(), q.attempts(), e.getMessage());
                    return queue.fail(q, String.valueOf(e.getMessage()), config.maxAttempts(), config.retryDelay());
                });
    }
}
