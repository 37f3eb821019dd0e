package dev.watchfloor.governance.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.governance.audit.GovernanceAudit;

/**
 * Records each policy version in the audit ledger exactly once ({@code policy.changed}, keyed
 * {@code policy-version:<id>}): right after the change, and on a schedule for versions whose entry is still owed
 * because governance stopped in between. The version row is its own outbox.
 */
@ApplicationScoped
public class PolicyAuditor {

    private static final int BATCH = 100;

    private final PolicyRepository repository;
    private final GovernanceAudit audit;

    public PolicyAuditor(PolicyRepository repository, GovernanceAudit audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Scheduled(every = "${watchfloor.governance.approval-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return Panache.withSession(() -> repository.unaudited(BATCH))
                .chain(owed -> Multi.createFrom().iterable(owed).onItem()
                        .transformToUniAndConcatenate(v -> record(v.id)).collect().asList())
                .onFailure().invoke(e -> Log.warnf("policy audit pass failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Void> record(UUID id) {
        return Panache.withSession(() -> repository.findById(id)).chain(v -> {
            if (v == null || v.auditedAt != null) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", v.version);
            details.put("name", v.name);
            details.put("sha256", v.sha256);
            return audit.record(v.traceId, v.author, "policy.changed",
                    new GovernanceAudit.Subject(v.tenant, "", "", ""), details, "policy-version:" + v.id)
                    .chain(() -> Panache.withTransaction(() -> repository.markAudited(v.id, Instant.now())))
                    .replaceWithVoid();
        });
    }
}
