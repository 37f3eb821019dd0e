package dev.watchfloor.governance.policy.document;

import java.util.List;
import java.util.Optional;

/**
 * A validated tenant policy (format {@code watchfloor.dev/policy/v1}): what may reach a model, what may run, what it
 * may cost. Built only by {@link PolicyParser#parse(String)}.
 */
public record PolicyDocument(String name, DataPolicy data, List<ModelRoute> models, Escalation escalation,
        ActionPolicy actions, BudgetPolicy budgets) {

    public PolicyDocument {
        models = List.copyOf(models);
    }

    /** The model route of that name ({@code deterministic} is not a model route). */
    public Optional<ModelRoute> route(String name) {
        return models.stream().filter(route -> route.name().equals(name)).findFirst();
    }
}
