package dev.watchfloor.governance.policy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.watchfloor.contracts.governance.v1.Decision;

/**
 * The built-in policy until policy-as-code lands: containment needs a human, tickets and notifications may run,
 * anything else is denied. Model route: the configured one, or {@code deterministic} when no model is configured.
 */
@ApplicationScoped
public class DefaultPolicy {

    public static final String NAME = "default-v1";
    public static final String DETERMINISTIC = "deterministic";
    static final Set<String> CONTAINMENT = Set.of("isolate_host", "disable_user", "block_ip");
    static final Set<String> ALLOWED = Set.of("open_ticket", "notify");

    private final String modelRoute;

    public DefaultPolicy(@ConfigProperty(name = "watchfloor.governance.model-route") java.util.Optional<String> route) {
        this.modelRoute = route.filter(r -> !r.isBlank()).orElse(DETERMINISTIC);
    }

    public record ActionVerdict(Decision decision, String reason) {
    }

    public ActionVerdict decide(String actionType) {
        if (CONTAINMENT.contains(actionType)) {
            return new ActionVerdict(Decision.DECISION_REQUIRE_APPROVAL,
                    "containment action '" + actionType + "' requires human approval");
        }
        if (ALLOWED.contains(actionType)) {
            return new ActionVerdict(Decision.DECISION_ALLOW, "'" + actionType + "' is allowed without approval");
        }
        return new ActionVerdict(Decision.DECISION_DENY, "action type '" + actionType + "' is not permitted");
    }

    public String modelRoute() {
        return modelRoute;
    }
}
