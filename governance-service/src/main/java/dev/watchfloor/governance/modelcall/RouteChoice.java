package dev.watchfloor.governance.modelcall;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.watchfloor.governance.policy.document.Escalation;
import dev.watchfloor.governance.policy.document.ModelRoute;
import dev.watchfloor.governance.policy.document.PolicyDocument;

/**
 * Which route a call may use: the first route the policy allows for the call's classification that this deployment can
 * reach (named in {@code watchfloor.governance.model-routes}); {@code deterministic} is always reachable and never
 * leaves Watchfloor. With an escalation in the policy, its route is the stronger one when the level allows it (listed
 * before {@code deterministic}) and it is reachable: alerts of its severities, and calls that ask to escalate, start
 * there; other calls start on the cheaper route and learn where they may escalate to.
 */
final class RouteChoice {

    static final String DETERMINISTIC = "deterministic";
    static final ModelRoute DETERMINISTIC_ROUTE = new ModelRoute(DETERMINISTIC, "watchfloor", "deterministic", "",
            BigDecimal.ZERO, BigDecimal.ZERO, 0);

    private RouteChoice() {
    }

    /**
     * The route a call takes; the route it may escalate to (null when none); and why it was escalated (empty when it
     * was not).
     */
    record Choice(ModelRoute route, ModelRoute escalation, String escalatedBecause) {
    }

    static Choice choose(PolicyDocument policy, String classification, Set<String> reachable, String severity,
            boolean escalate) {
        List<ModelRoute> usable = new ArrayList<>();
        for (String name : policy.data().routesFor(classification)) {
            if (DETERMINISTIC.equals(name)) {
                break;
            }
            policy.route(name).filter(route -> reachable.contains(name)).ifPresent(usable::add);
        }
        if (usable.isEmpty()) {
            return new Choice(DETERMINISTIC_ROUTE, null, "");
        }
        ModelRoute first = usable.get(0);
        Escalation escalation = policy.escalation();
        ModelRoute stronger = usable.stream().filter(r -> r.name().equals(escalation.route()))
                .filter(r -> !r.name().equals(first.name())).findFirst().orElse(null);
        if (stronger == null) {
            return new Choice(first, null, "");
        }
        if (escalate) {
            return new Choice(stronger, null, "asked: an answer on " + first.name() + " was unsure");
        }
        if (escalation.startsOn(severity)) {
            return new Choice(stronger, null, "severity " + severity);
        }
        return new Choice(first, stronger, "");
    }

    static boolean isModel(ModelRoute route) {
        return !DETERMINISTIC.equals(route.name());
    }

    static dev.watchfloor.contracts.governance.v1.ModelRoute toProto(ModelRoute r) {
        return dev.watchfloor.contracts.governance.v1.ModelRoute.newBuilder().setName(r.name())
                .setProvider(r.provider()).setModel(r.model()).setBaseUrl(r.baseUrl() == null ? "" : r.baseUrl())
                .setInputUsdPerMillion(r.inputUsdPerMillion().doubleValue())
                .setOutputUsdPerMillion(r.outputUsdPerMillion().doubleValue())
                .setMaxOutputTokens(r.maxOutputTokens()).build();
    }
}
