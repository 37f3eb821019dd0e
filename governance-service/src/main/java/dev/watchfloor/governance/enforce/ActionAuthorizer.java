package dev.watchfloor.governance.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.governance.approval.ApprovalService;
import dev.watchfloor.governance.policy.ActivePolicy;
import dev.watchfloor.governance.policy.TenantPolicies;
import dev.watchfloor.governance.policy.document.ActionPolicy;
import dev.watchfloor.governance.policy.document.ActionVerdict;
import dev.watchfloor.governance.pseudonym.PseudonymVault;

/**
 * Decides proposed actions against the tenant's policy: the first matching rule by type and asset criticality (a
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

    /** One action; see {@link #authorizeAll}. */
    public Uni<AuthorizeResponse> authorize(Trace trace, AuthorizeRequest asked) {
        return authorizeAll(trace, List.of(asked)).map(List::getFirst);
    }

    /**
     * Decides the actions of one tenant, in order, in one transaction (so the caps count the earlier ones); an action
     * already decided is answered as stored. Pseudonyms in a target (the model saw only those) are resolved first: the
     * policy is evaluated on the real target, an approval is bound to it, and the response names it as
     * {@code resolved_target}. A pseudonym the tenant never minted is denied.
     */
    public Uni<List<AuthorizeResponse>> authorizeAll(Trace trace, List<AuthorizeRequest> asked) {
        String tenant = asked.getFirst().getTenant();
        return Multi.createFrom().iterable(asked)
                .onItem().transformToUniAndConcatenate(r -> vault.resolveIn(tenant, r.getTarget())
                        .map(resolution -> new Asked(r, resolution)))
                .collect().asList()
                .chain(resolved -> decisions.findAll(tenant, asked.stream().map(AuthorizeRequest::getActionId)
                        .toList())
                        .chain(known -> policies.active(tenant).chain(policy -> decide(trace, resolved, known,
                                policy))))
                .chain(decided -> Multi.createFrom().iterable(decided)
                        .onItem().transformToUniAndConcatenate(d -> respond(trace, d.asked().resolved(), d.stored(),
                                d.approverRoles()).map(
                                        response -> d.asked().targetChanged()
                                                ? response.toBuilder()
                                                        .setResolvedTarget(d.asked().resolved().getTarget())
                                                        .build()
                                                : response))
                        .collect().asList());
    }

    /** A requested action with its pseudonyms resolved. */
    private record Asked(AuthorizeRequest request, PseudonymVault.Resolution resolution) {

        AuthorizeRequest resolved() {
            return request.toBuilder().setTarget(resolution.text()).build();
        }

        boolean targetChanged() {
            return !resolution.text().equals(request.getTarget());
        }
    }

    /** An action's stored decision, with the roles that may approve it when it needs approval. */
    private record Decided(Asked asked, ActionAuthorizations.Stored stored, List<String> approverRoles) {
    }

    /** Known actions as stored; the others evaluated against the policy and stored together. */
    private Uni<List<Decided>> decide(Trace trace, List<Asked> asked, Map<String, ActionAuthorizations.Stored> known,
            ActivePolicy policy) {
        List<ActionAuthorizations.Proposal> proposals = new ArrayList<>();
        List<List<String>> roles = new ArrayList<>();
        for (Asked a : asked) {
            if (!known.containsKey(a.request().getActionId())) {
                proposals.add(proposal(trace, a, policy, roles));
            }
        }
        return decisions.decideAll(proposals).map(stored -> {
            List<Decided> decided = new ArrayList<>();
            int next = 0;
            for (Asked a : asked) {
                ActionAuthorizations.Stored already = known.get(a.request().getActionId());
                if (already != null) {
                    decided.add(new Decided(a, already, List.of()));
                } else {
                    decided.add(new Decided(a, stored.get(next), roles.get(next)));
                    next++;
                }
            }
            return decided;
        });
    }

    /** What the policy's rules say about one action (a denial when its target names unknown pseudonyms). */
    private static ActionAuthorizations.Proposal proposal(Trace trace, Asked a, ActivePolicy policy,
            List<List<String>> roles) {
        AuthorizeRequest r = a.resolved();
        if (!a.resolution().unknown().isEmpty()) {
            roles.add(List.of());
            return new ActionAuthorizations.Proposal(r, new ActionAuthorizations.Stored(Decision.DECISION_DENY,
                    "the target names pseudonyms this tenant never minted: "
                            + String.join(", ", a.resolution().unknown()),
                    "pseudonyms", policy.label()),
                    new ActionAuthorizations.Caps(OptionalInt.empty(), OptionalInt.empty()), "unknown",
                    trace.traceId());
        }
        ActionPolicy actions = policy.document().actions();
        ActionVerdict verdict = actions.evaluate(r.getActionType(), r.getTarget());
        roles.add(verdict.approverRoles());
        return new ActionAuthorizations.Proposal(r, new ActionAuthorizations.Stored(toProto(verdict.decision()),
                verdict.reason(), verdict.rule(), policy.label()),
                new ActionAuthorizations.Caps(actions.rateCapPerHour(r.getActionType()),
                        actions.maxPerInvestigation(r.getActionType())),
                verdict.asset().criticality(), trace.traceId());
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
