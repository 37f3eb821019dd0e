package dev.watchfloor.action.propose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposedAction;
import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.ledger.CanonicalJson;

/** Validates a Propose request and turns it into proposals; the first problem found is the error's description. */
final class ProposalParser {

    static final int MAX_ACTIONS = 50;
    static final int MAX_TARGET = 512;
    static final int MAX_RATIONALE = 4000;
    static final int MAX_PARAMETERS = 16_384;
    private static final Pattern TARGET = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*:\\S.*", Pattern.DOTALL);

    private ProposalParser() {
    }

    /**
     * @throws IllegalArgumentException
     *             with a description that says what to fix
     */
    static List<Proposal> parse(ProposeActionsRequest request) {
        require(!request.getTenant().isBlank(), "tenant is required");
        require(!request.getInvestigationId().isBlank(), "investigation_id is required");
        require(request.getActionsCount() <= MAX_ACTIONS,
                "at most " + MAX_ACTIONS + " actions per request, got " + request.getActionsCount());
        List<Proposal> proposals = new ArrayList<>(request.getActionsCount());
        for (int i = 0; i < request.getActionsCount(); i++) {
            proposals.add(parse(request, request.getActions(i), "actions[" + i + "]"));
        }
        return proposals;
    }

    private static Proposal parse(ProposeActionsRequest request, ProposedAction action, String at) {
        ActionType type = ActionType.fromWire(action.getType()).orElseThrow(() -> new IllegalArgumentException(
                at + ".type '" + action.getType() + "' is not one of " + ActionType.WIRE_NAMES));
        String target = action.getTarget();
        require(TARGET.matcher(target).matches(),
                at + ".target '" + target + "' must be an entity as \"type:value\", e.g. \"host:web-01\"");
        require(target.length() <= MAX_TARGET, at + ".target is longer than " + MAX_TARGET + " characters");
        require(action.getRationale().length() <= MAX_RATIONALE,
                at + ".rationale is longer than " + MAX_RATIONALE + " characters");
        require(action.getParametersJson().length() <= MAX_PARAMETERS,
                at + ".parameters_json is longer than " + MAX_PARAMETERS + " characters");
        String parameters;
        try {
            parameters = CanonicalJson.ofObject(action.getParametersJson());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ".parameters_json " + e.getMessage(), e);
        }
        return new Proposal(ActionIds.derive(request.getTenant(), request.getInvestigationId(), type, target),
                request.getTenant(), request.getInvestigationId(), request.getAlertId(), type, target,
                action.getRationale(), parameters);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
