package dev.watchfloor.action.propose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;

/**
 * Records proposed actions and has governance authorize the new ones, all in one call. Idempotent: a known action is
 * returned as stored. An action still {@code proposed} (a previous call failed before governance decided) is authorized
 * again, which is safe because governance keys its decision and approval on the action id. The decision and its
 * {@code action.proposed} audit entry commit together, once per action.
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

    /**
     * The stored actions, one per proposal, in order. The trace is stored on each new action for its execution. The
     * actions still {@code proposed} are authorized in one call, so governance decides them together.
     */
    public Uni<List<Action>> propose(Trace trace, List<Proposal> proposals) {
        String traceparent = trace.traceparent();
        return Multi.createFrom().iterable(proposals)
                .onItem().transformToUniAndConcatenate(p -> repository.insertIfAbsent(p.toAction(traceparent)))
                .collect().asList()
                .chain(stored -> {
                    // one per id: a proposal naming an action twice stores it once
                    List<Action> undecided = List.copyOf(stored.stream()
                            .filter(a -> a.state() == ActionState.PROPOSED)
                            .collect(Collectors.toMap(Action::id, a -> a, (first, again) -> first,
                                    LinkedHashMap::new))
                            .values());
                    if (undecided.isEmpty()) {
                        return Uni.createFrom().item(stored);
                    }
                    return governance.authorize(trace, undecided)
                            .chain(responses -> Multi.createFrom().range(0, undecided.size())
                                    .onItem().transformToUniAndConcatenate(
                                            i -> record(trace, undecided.get(i), responses.get(i)))
                                    .collect().asMap(Action::id))
                            .map(decided -> stored.stream().map(a -> decided.getOrDefault(a.id(), a)).toList());
                });
    }

    private Uni<Action> record(Trace trace, Action action, AuthorizeResponse response) {
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
    }
}
