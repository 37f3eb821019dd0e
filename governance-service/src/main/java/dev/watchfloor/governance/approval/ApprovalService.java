package dev.watchfloor.governance.approval;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Hashing;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.governance.audit.AuditRepository;

/**
 * Opens approval requests for actions that need a human, and records the human's decision. Each change commits first;
 * its audit entry follows through {@link ApprovalAuditor}, which owes it until the ledger has it.
 */
@ApplicationScoped
public class ApprovalService {

    private final ApprovalRepository repository;
    private final ApprovalAuditor auditor;
    private final ApprovalAnnouncer announcer;
    private final AuditRepository ledger;
    private final Duration ttl;

    static final List<String> DEFAULT_APPROVERS = List.of(Roles.APPROVER, Roles.ADMIN);

    public ApprovalService(ApprovalRepository repository, ApprovalAuditor auditor, ApprovalAnnouncer announcer,
            AuditRepository ledger, @ConfigProperty(name = "watchfloor.governance.approval-ttl") Duration ttl) {
        this.repository = repository;
        this.auditor = auditor;
        this.announcer = announcer;
        this.ledger = ledger;
        this.ttl = ttl;
    }

    /**
     * Idempotent on the action id: asking again for the same action returns the first request. Only principals with one
     * of {@code approverRoles} may decide it (empty: approver or admin).
     */
    public Uni<Approval> request(Trace trace, AuthorizeRequest r, List<String> approverRoles) {
        ApprovalEntity draft = draft(trace, r);
        draft.approverRoles = String.join(",", approverRoles.isEmpty() ? DEFAULT_APPROVERS : approverRoles);
        return Panache.withTransaction(() -> repository.byAction(r.getTenant(), r.getActionId())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : repository.persist(draft)))
                .map(ApprovalEntity::view)
                .call(stored -> stored.id().equals(draft.id)
                        ? afterChange(stored.id()).chain(() -> announcer.announce(stored))
                        : Uni.createFrom().voidItem());
    }

    public Uni<Approval> get(String tenant, UUID id) {
        return Panache.withSession(() -> repository.inTenant(tenant, id)).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("approval", id.toString());
            }
            return a.view().withStateAt(Instant.now());
        });
    }

    /** The tenant's approvals among these ids, with their state now; unknown ids are left out. */
    public Uni<List<Approval>> getAll(String tenant, List<UUID> ids) {
        Instant now = Instant.now();
        return Panache.withSession(() -> repository.inTenant(tenant, ids))
                .map(found -> found.stream().map(a -> a.view().withStateAt(now)).toList());
    }

    public Uni<List<Approval>> list(String tenant, ApprovalState stateOrNull, int limit) {
        Instant now = Instant.now();
        return Panache.withSession(() -> repository.recent(tenant, limit)).map(all -> all.stream()
                .map(a -> a.view().withStateAt(now))
                .filter(a -> stateOrNull == null || a.state() == stateOrNull).toList());
    }

    public Uni<Approval> decide(Principal by, UUID id, boolean approve, String reason) {
        ApprovalState target = approve ? ApprovalState.APPROVED : ApprovalState.DENIED;
        return get(by.tenant(), id).chain(current -> {
            if (current.state() != ApprovalState.PENDING) {
                throw new ProblemException(409, "approval-not-pending", "Approval not pending",
                        "Approval " + id + " is " + current.state().wire() + " and can no longer be decided");
            }
            if (current.approverRoles().stream().noneMatch(by::hasRole)) {
                throw new ProblemException(403, "approver-role-required", "Approver role required",
                        "The policy lets only " + String.join(" or ", current.approverRoles())
                                + " decide this approval");
            }
            if (by.hasRole(Roles.API_CLIENT)) {
                throw new ProblemException(403, "separation-of-duties", "Separation of duties",
                        "An api-client never decides approvals, whatever its other roles");
            }
            if (current.requestedBy().equals(by.name())) {
                throw new ProblemException(403, "separation-of-duties", "Separation of duties",
                        "The principal that requested an action cannot approve it");
            }
            return notTheSubmitter(by, current);
        }).chain(() -> {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return Panache.withTransaction(() -> repository.decide(by.tenant(), id, target, by.name(), reason, at));
        }).chain(updated -> {
            if (updated == 0) {
                throw new ProblemException(409, "approval-not-pending", "Approval not pending",
                        "Approval " + id + " was decided or expired concurrently");
            }
            return afterChange(id).chain(() -> get(by.tenant(), id));
        });
    }

    /** Nobody decides on an action about an alert they submitted; the submitter is known from the ledger. */
    private Uni<Void> notTheSubmitter(Principal by, Approval approval) {
        return ledger.alertSubmitter(by.tenant(), approval.alertId()).map(submitter -> {
            if (submitter.isEmpty()) {
                throw new ProblemException(409, "alert-intake-not-audited", "Alert intake not audited yet",
                        "Who submitted alert " + approval.alertId() + " is not in the audit ledger yet, so "
                                + "separation of duties cannot be checked; try again shortly");
            }
            if (submitter.get().equals(by.name())) {
                throw new ProblemException(403, "separation-of-duties", "Separation of duties",
                        "The principal that submitted the alert cannot decide actions on it");
            }
            return null;
        }).replaceWithVoid();
    }

    /** Records the change in the ledger now; when that fails, the auditor's next pass does. */
    private Uni<Void> afterChange(UUID id) {
        return auditor.record(id).onFailure().invoke(e -> Log.warnf(
                "audit of approval %s deferred to the next pass: %s", id, e.toString())).onFailure().recoverWithNull();
    }

    private ApprovalEntity draft(Trace trace, AuthorizeRequest r) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApprovalEntity a = new ApprovalEntity();
        a.id = UUID.randomUUID();
        a.tenant = r.getTenant();
        a.actionId = r.getActionId();
        a.investigationId = r.getInvestigationId();
        a.alertId = r.getAlertId();
        a.actionType = r.getActionType();
        a.target = r.getTarget();
        a.parametersJson = r.getParametersJson();
        a.parametersHash = Hashing.sha256Hex(r.getParametersJson());
        a.requestedBy = r.getRequestedBy();
        a.state = ApprovalState.PENDING.wire();
        a.requestedAt = now;
        a.expiresAt = now.plus(ttl);
        a.traceId = trace.traceId();
        return a;
    }
}
