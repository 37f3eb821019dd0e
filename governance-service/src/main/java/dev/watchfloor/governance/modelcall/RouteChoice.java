package dev.watchfloor.governance.modelcall;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.watchfloor.governance.policy.document.ModelRoute;
import dev.watchfloor.governance.policy.document.PolicyDocument;

/**
 * Which route a call may use: the first route the policy allows for the call's classification that this deployment can
 * reach (named in {@code watchfloor.governance.model-routes}); {@code deterministic} is always reachable and never
 * leaves Watchfloor.
 */
final class RouteChoice {

    static final String DETERMINISTIC = "deterministic";
    static final ModelRoute DETERMINISTIC_ROUTE = new ModelRoute(DETERMINISTIC, "watchfloor", "deterministic", "",
            BigDecimal.ZERO, BigDecimal.ZERO, 0);

    private RouteChoice() {
    }

    static ModelRoute choose(PolicyDocument policy, String classification, Set<String> reachable) {
        List<String> allowed = policy.data().routesFor(classification);
        for (String name : allowed) {
            if (DETERMINISTIC.equals(name)) {
                return DETERMINISTIC_ROUTE;
            }
            Optional<ModelRoute> route = policy.route(name);
            if (route.isPresent() && reachable.contains(name)) {
                return route.get();
            }
        }
        return DETERMINISTIC_ROUTE;
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
