package dev.watchfloor.governance.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Approvals through Hibernate Reactive Panache; every query names the tenant. */
@ApplicationScoped
@WithSession
public class ApprovalRepository implements PanacheRepositoryBase<ApprovalEntity, UUID> {

    Uni<ApprovalEntity> byAction(String tenant, String actionId) {
        return find("tenant = ?1 and actionId = ?2", tenant, actionId).firstResult();
    }

    Uni<ApprovalEntity> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    Uni<List<ApprovalEntity>> inTenant(String tenant, List<UUID> ids) {
        return find("tenant = ?1 and id in ?2", tenant, ids).list();
    }

    Uni<List<ApprovalEntity>> recent(String tenant, int limit) {
        return find("tenant", Sort.by("requestedAt").descending(), tenant).page(Page.ofSize(limit)).list();
    }

    /** Moves a pending, unexpired approval to its decision; 0 when it was not pending or has lapsed. */
    Uni<Integer> decide(String tenant, UUID id, ApprovalState state, String decidedBy, String reason, Instant at) {
        return update("state = ?1, decidedBy = ?2, reason = ?3, decidedAt = ?4 where tenant = ?5 and id = ?6"
                + " and state = ?7 and expiresAt > ?4", state.wire(), decidedBy, reason, at, tenant, id,
                ApprovalState.PENDING.wire());
    }

    /** Every pending approval whose time is up becomes expired (a denial nobody made); answers how many. */
    Uni<Integer> expireDue(Instant now) {
        return update("state = ?1, decidedAt = expiresAt, reason = 'expired before anyone decided' where state = ?2"
                + " and expiresAt <= ?3", ApprovalState.EXPIRED.wire(), ApprovalState.PENDING.wire(), now);
    }

    /** Approvals whose current state is not yet in the audit ledger, oldest first. */
    Uni<List<ApprovalEntity>> unaudited(int limit) {
        return find("auditedState is null or auditedState <> state", Sort.by("requestedAt"))
                .page(Page.ofSize(limit)).list();
    }

    Uni<Integer> markAudited(UUID id, String state) {
        return update("auditedState = ?1 where id = ?2 and state = ?1", state, id);
    }
}
