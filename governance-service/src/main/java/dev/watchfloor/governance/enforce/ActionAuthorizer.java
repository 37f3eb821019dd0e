package dev.watchfloor.governance.enforce;

import java.util.List;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.governance.approval.ApprovalService;
import dev.watchfloor.governance.policy.TenantPolicies;
import dev.watchfloor.governance.policy.document.ActionPolicy;
import dev.watchfloor.governance.policy.document.ActionVerdict;
import dev.watchfloor.governance.pseudonym.PseudonymVault;

/**
 * Decides one proposed action against the tenant's policy: the first matching rule by type and asset criticality (a
 * blast-radius tag denial beats every rule), then the rate cap and the per-investigation blast-radius cap. The decision
 * is stored once per action; asking again answers it (and the same approval).
 */
@ApplicationScoped
public class ActionAuthorizer {

    private final TenantPolicies policies;
    private final ActionAuthorizations decisions;
    private final ApprovalService approvals;
    private final PseudonymVault vault;

    public ActionAuthorizer(TenantPolicies policies, ActionAuthorizations decisions, ApprovalService approvals,
            PseudonymVault vault) {
        this.policies = policies;
        this.decisions = decisions;
        this.approvals = approvals;
        this.vault = vault;
    }

    /**
     * Pseudonyms in the target (the model saw only those) are resolved first: the policy is evaluated on the real
     * target, an approval is bound to it, and the response names it as {@code resolved_target}. A pseudonym the tenant
     * never minted is denied.
     */
    public Uni<AuthorizeResponse> authorize(Trace trace, AuthorizeRequest asked) {
        return vault.resolveIn(asked.getTenant(), asked.getTarget()).chain(resolution -> {
            AuthorizeRequest r = asked.toBuilder().setTarget(resolution.text()).build();
            Uni<AuthorizeResponse> answer = resolution.unknown().isEmpty()
                    ? decisions.find(r.getTenant(), r.getActionId()).chain(known -> known.isPresent()
                            ? respond(trace, r, known.get(), List.of())
                            : decide(trace, r))
                    : unknownPseudonym(trace, r, resolution.unknown());
            boolean changed = !resolution.text().equals(asked.getTarget());
            return answer.map(a -> changed ? a.toBuilder().setResolvedTarget(resolution.text()).build() : a);
        });
    }

    private Uni<AuthorizeResponse> unknownPseudonym(Trace trace, AuthorizeRequest r, List<String> unknown) {
        return policies.active(r.getTenant()).chain(policy -> decisions.decide(new ActionAuthorizations.Proposal(r,
                new ActionAuthorizations.Stored(Decision.DECISION_DENY, "the target names pseudonyms this tenant "
                        + "never minted: " + String.join(", ", unknown), "pseudonyms", policy.label()),
                new ActionAuthorizations.Caps(OptionalInt.empty(), OptionalInt.empty()),
                "unknown", trace.traceId())))
                .chain(stored -> respond(trace, r, stored, List.of()));
    }

    private Uni<AuthorizeResponse> decide(Trace trace, AuthorizeRequest r) {
        return policies.active(r.getTenant()).chain(policy -> {
            ActionPolicy actions = policy.document().actions();
            ActionVerdict verdict = actions.evaluate(r.getActionType(), r.getTarget());
            ActionAuthorizations.Stored proposed = new ActionAuthorizations.Stored(toProto(verdict.decision()),
                    verdict.reason(), verdict.rule(), policy.label());
            ActionAuthorizations.Caps caps = new ActionAuthorizations.Caps(actions.rateCapPerHour(r.getActionType()),
                    actions.maxPerInvestigation(r.getActionType()));
            return decisions.decide(new ActionAuthorizations.Proposal(r, proposed, caps,
                    verdict.asset().criticality(), trace.traceId()))
                    .chain(stored -> respond(trace, r, stored, verdict.approverRoles()));
        });
    }

    private Uni<AuthorizeResponse> respond(Trace trace, AuthorizeRequest r, ActionAuthorizations.Stored stored,
            List<String> approverRoles) {
        AuthorizeResponse.Builder response = AuthorizeResponse.newBuilder().setDecision(stored.decision())
                .setReason(stored.reason()).setRule(stored.rule()).setPolicy(stored.policy());
        if (stored.decision() != Decision.DECISION_REQUIRE_APPROVAL) {
            return Uni.createFrom().item(response.build());
        }
        return approvals.request(trace, r, approverRoles)
                .map(approval -> response.setApprovalId(approval.id().toString()).build());
    }

    static Decision toProto(dev.watchfloor.governance.policy.document.Decision d) {
        return switch (d) {
            case ALLOW -> Decision.DECISION_ALLOW;
            case REQUIRE_APPROVAL -> Decision.DECISION_REQUIRE_APPROVAL;
            case DENY -> Decision.DECISION_DENY;
        };
    }
}
