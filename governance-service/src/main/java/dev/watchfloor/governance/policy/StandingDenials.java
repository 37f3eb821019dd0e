package dev.watchfloor.governance.policy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.governance.policy.document.ActionVerdict;

/**
 * Whether the tenant's current policy denies an action outright (its type and target), whatever an approval says.
 * Approvals are checked against it when decided and every time action-service reads them, so a policy that came to deny
 * an action after it was approved still stops it.
 */
@ApplicationScoped
public class StandingDenials {

    private final TenantPolicies policies;

    public StandingDenials(TenantPolicies policies) {
        this.policies = policies;
    }

    /** The denial's reason and policy, or empty when the current policy does not deny the action. */
    public Uni<Optional<String>> of(String tenant, String actionType, String target) {
        return policies.active(tenant).map(policy -> of(policy, actionType, target));
    }

    /** The same against a policy already read (one read for many actions of its tenant). */
    public static Optional<String> of(ActivePolicy policy, String actionType, String target) {
        ActionVerdict verdict = policy.document().actions().evaluate(actionType, target);
        return verdict.decision() == dev.watchfloor.governance.policy.document.Decision.DENY
                ? Optional.of(verdict.reason() + " (" + policy.label() + ", " + verdict.rule() + ")")
                : Optional.empty();
    }

    public Uni<ActivePolicy> policy(String tenant) {
        return policies.active(tenant);
    }
}
