package dev.watchfloor.action.propose;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.action.action.ActionAudit;
import dev.watchfloor.action.action.ActionRepository;
import dev.watchfloor.action.action.GovernanceDecision;
import dev.watchfloor.action.governance.GovernanceClient;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.ActionState;

/**
 * Records proposed actions and has governance authorize the new ones. Idempotent: a known action is returned as stored.
 * An action still {@code proposed} (a previous call failed before governance decided) is authorized again, which is
 * safe because governance keys its decision and approval on the action id. The decision and its {@code action.proposed}
 * audit entry commit together, once per action.
 */
@ApplicationScoped
public class ProposalService {

    static final String PROPOSED = "action.proposed";

    private final ActionRepository repository;
    private final GovernanceClient governance;

    public ProposalService(ActionRepository repository, GovernanceClient governance) {
        this.repository = repository;
        this.governance = governance;
    }

    /** The stored actions, one per proposal, in order. The trace is stored on each new action for its execution. */
    public Uni<List<Action>> propose(Trace trace, List<Proposal> proposals) {
        String traceparent = trace.traceparent();
        return Multi.createFrom().iterable(proposals)
                .onItem().transformToUniAndConcatenate(p -> repository.insertIfAbsent(p.toAction(traceparent))
                        .chain(stored -> stored.state() == ActionState.PROPOSED
                                ? authorize(trace, stored)
                                : Uni.createFrom().item(stored)))
                .collect().asList();
    }

    private Uni<Action> authorize(Trace trace, Action action) {
        return governance.authorize(trace, action).chain(response -> {
            GovernanceDecision decision = GovernanceDecision.of(response);
            // governance resolved pseudonyms the proposer named: the action runs on (and is bound to) the real target
            String target = response.getResolvedTarget().isEmpty() ? action.target() : response.getResolvedTarget();
            Map<String, String> details = Map.of("type", action.type().wire(), "target", target,
                    "decision", decision.state().wire(), "approvalId", decision.approvalId(), "reason",
                    decision.detail(), "policy", response.getPolicy());
            return repository.recordDecision(action.id(), target, decision,
                    new ActionAudit.Step(trace, PROPOSED, details))
                    .chain(updated -> updated != null
                            ? Uni.createFrom().item(updated)
                            : repository.find(action.tenant(), action.id()));
        });
    }
}
