package dev.watchfloor.governance.modelcall;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.watchfloor.governance.budget.BudgetConfig;

/** What this deployment can reach and how long a reservation holds: the settings model-call preparation reads. */
@ApplicationScoped
public class ModelCallSettings {

    private final Set<String> reachableRoutes;
    private final Duration reservationLease;

    public ModelCallSettings(
            @ConfigProperty(name = "watchfloor.governance.model-routes") Optional<List<String>> routes,
            BudgetConfig budget) {
        this.reachableRoutes = Set.copyOf(routes.orElse(List.of()));
        this.reservationLease = budget.reservationLease();
    }

    /** The policy's model routes this deployment has a client for; a route not named here is never chosen. */
    public Set<String> reachableRoutes() {
        return reachableRoutes;
    }

    public Duration reservationLease() {
        return reservationLease;
    }
}
