package dev.watchfloor.governance.approval;

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
 * Records every approval transition in the audit ledger exactly once, and expires approvals nobody decided in time. The
 * approval row is its own outbox: a state not yet audited ({@code audited_state}) is appended with the key
 * {@code approval:<id>:<state>} and then marked; a crash in between appends again under the same key, which the ledger
 * answers with the entry it has. Called right after each change, and on a schedule for whatever is left.
 */
@ApplicationScoped
public class ApprovalAuditor {

    private static final int BATCH = 200;

    private final ApprovalRepository repository;
    private final GovernanceAudit audit;

    public ApprovalAuditor(ApprovalRepository repository, GovernanceAudit audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Scheduled(every = "${watchfloor.governance.approval-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> Log.warnf("approval expiry/audit pass failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Expires what is due, then records every unaudited transition; answers how many entries were recorded. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> repository.expireDue(Instant.now()))
                .chain(() -> Panache.withSession(() -> repository.unaudited(BATCH)))
                .chain(pending -> Multi.createFrom().iterable(pending).onItem()
                        .transformToUniAndConcatenate(this::record).collect().asList().map(done -> done.size()));
    }

    /** Records the approval's current state if the ledger does not have it yet. */
    public Uni<Void> record(UUID id) {
        return Panache.withSession(() -> repository.findById(id))
                .chain(a -> a == null ? Uni.createFrom().voidItem() : record(a));
    }

    private Uni<Void> record(ApprovalEntity a) {
        if (a.state.equals(a.auditedState)) {
            return Uni.createFrom().voidItem();
        }
        ApprovalState state = ApprovalState.fromWire(a.state);
        String eventType = switch (state) {
            case PENDING -> "approval.requested";
            case APPROVED, DENIED -> "approval.decided";
            case EXPIRED -> "approval.expired";
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvalId", a.id.toString());
        details.put("state", a.state);
        details.put("type", a.actionType);
        details.put("target", a.target);
        details.put("parametersHash", a.parametersHash);
        if (a.reason != null) {
            details.put("reason", a.reason);
        }
        String by = state == ApprovalState.PENDING ? "" : a.decidedBy == null ? "" : a.decidedBy;
        String state0 = a.state;
        return audit.record(a.traceId, by, eventType,
                new GovernanceAudit.Subject(a.tenant, a.alertId, a.investigationId, a.actionId), details,
                "approval:" + a.id + ":" + a.state)
                .chain(() -> Panache.withTransaction(() -> repository.markAudited(a.id, state0)))
                .replaceWithVoid();
    }
}
