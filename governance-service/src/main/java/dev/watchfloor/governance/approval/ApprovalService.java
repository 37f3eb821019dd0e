package dev.watchfloor.governance.approval;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Hashing;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.governance.audit.GovernanceAudit;

/** Opens approval requests for actions that need a human, and records the human's decision. */
@ApplicationScoped
public class ApprovalService {

    private final ApprovalRepository repository;
    private final GovernanceAudit audit;
    private final Duration ttl;

    public ApprovalService(ApprovalRepository repository, GovernanceAudit audit,
            @ConfigProperty(name = "watchfloor.governance.approval-ttl") Duration ttl) {
        this.repository = repository;
        this.audit = audit;
        this.ttl = ttl;
    }

    /** Idempotent on the action id: asking again for the same action returns the first request. */
    public Uni<Approval> request(Trace trace, AuthorizeRequest r) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Approval draft = new Approval(UUID.randomUUID(), r.getTenant(), r.getActionId(), r.getInvestigationId(),
                r.getAlertId(), r.getActionType(), r.getTarget(), r.getParametersJson(),
                Hashing.sha256Hex(r.getParametersJson()), r.getRequestedBy(), ApprovalState.PENDING, now,
                now.plus(ttl), null, null, null);
        return repository.insertIfAbsent(draft).call(stored -> stored.id().equals(draft.id())
                ? audit.record(trace, "approval.requested", subject(stored),
                        Map.of("approvalId", stored.id().toString(), "type", stored.actionType(), "target",
                                stored.target(), "parametersHash", stored.parametersHash()))
                : Uni.createFrom().voidItem());
    }

    public Uni<Approval> get(String tenant, UUID id) {
        return repository.find(tenant, id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("approval", id.toString());
            }
            return a.withStateAt(Instant.now());
        });
    }

    public Uni<List<Approval>> list(String tenant, ApprovalState stateOrNull, int limit) {
        Instant now = Instant.now();
        return repository.list(tenant, limit).map(all -> all.stream().map(a -> a.withStateAt(now))
                .filter(a -> stateOrNull == null || a.state() == stateOrNull).toList());
    }

    public Uni<Approval> decide(Trace trace, Principal by, UUID id, boolean approve, String reason) {
        ApprovalState target = approve ? ApprovalState.APPROVED : ApprovalState.DENIED;
        return get(by.tenant(), id).chain(current -> {
            if (current.state() != ApprovalState.PENDING) {
                throw new ProblemException(409, "approval-not-pending", "Approval not pending",
                        "Approval " + id + " is " + current.state().wire() + " and can no longer be decided");
            }
            if (by.hasRole(Roles.API_CLIENT)) {
                throw new ProblemException(403, "separation-of-duties", "Separation of duties",
                        "An api-client never decides approvals, whatever its other roles");
            }
            if (current.requestedBy().equals(by.name())) {
                throw new ProblemException(403, "separation-of-duties", "Separation of duties",
                        "The principal that requested an action cannot approve it");
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return repository.decide(by.tenant(), id, target, by.name(), reason, at);
        }).chain(decided -> {
            if (decided == null) {
                throw new ProblemException(409, "approval-not-pending", "Approval not pending",
                        "Approval " + id + " was decided or expired concurrently");
            }
            return audit.record(trace, by.name(), "approval.decided", subject(decided),
                    Map.of("approvalId", id.toString(), "decision", decided.state().wire(), "parametersHash",
                            decided.parametersHash()))
                    .replaceWith(decided);
        });
    }

    private static GovernanceAudit.Subject subject(Approval a) {
        return new GovernanceAudit.Subject(a.tenant(), a.alertId(), a.investigationId(), a.actionId());
    }
}
