package dev.watchfloor.governance.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Signs a checkpoint of each tenant's head when entries came in since its last one, every
 * {@code watchfloor.governance.audit.checkpoint-interval}: the newest entries are covered within that interval even for
 * a tenant that never reaches the next {@code checkpoint-every} entry.
 */
@ApplicationScoped
public class Checkpointer {

    private final AuditRepository repository;
    private final AuditLedger ledger;

    public Checkpointer(AuditRepository repository, AuditLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    @Scheduled(every = "${watchfloor.governance.audit.checkpoint-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> checkpointHeads() {
        return run().onFailure().invoke(e -> Log.warnf("audit checkpoints failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Checkpoints every tenant whose head is newer than its last checkpoint; answers how many. */
    public Uni<Integer> run() {
        return repository.tenantsAheadOfCheckpoint()
                .chain(tenants -> Multi.createFrom().iterable(tenants).onItem()
                        .transformToUniAndConcatenate(ledger::checkpointHead).collect().asList()
                        .map(done -> tenants.size()));
    }
}
