package dev.watchfloor.reasoning.queue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.reasoning.ReasoningConfig;
import dev.watchfloor.reasoning.pipeline.InvestigationPipeline;

/** Leases due investigations and runs them one after another; every replica runs one worker. */
@ApplicationScoped
public class InvestigationWorker {

    private final InvestigationQueue queue;
    private final InvestigationPipeline pipeline;
    private final ReasoningConfig.Queue config;
    private final String owner = "reasoning-" + UUID.randomUUID();

    public InvestigationWorker(InvestigationQueue queue, InvestigationPipeline pipeline, ReasoningConfig config) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.config = config.queue();
    }

    @Scheduled(every = "${watchfloor.reasoning.queue.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return queue.failExhaustedLeases(config.maxAttempts())
                .invoke(ended -> {
                    if (ended > 0) {
                        Log.warnf("%d investigation(s) failed: their lease lapsed on the last attempt", ended);
                    }
                })
                .chain(() -> queue.lease(owner, config.batchSize(), config.lease()))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::runOne)
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Investigation queue pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
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
