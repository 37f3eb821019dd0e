package dev.watchfloor.governance.modelcall;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.governance.audit.GovernanceAudit;
import dev.watchfloor.governance.budget.BudgetReservations;
import dev.watchfloor.governance.policy.ActivePolicy;
import dev.watchfloor.governance.policy.TenantPolicies;
import dev.watchfloor.governance.policy.document.BudgetPolicy;
import dev.watchfloor.governance.policy.document.Department;
import dev.watchfloor.governance.policy.document.ModelRoute;
import dev.watchfloor.governance.policy.document.OnExhausted;
import dev.watchfloor.governance.pseudonym.PseudonymVault;

/**
 * Everything that happens before a model call, in order: the tenant's active policy; redaction and pseudonymization of
 * the title and every evidence text; the call's classification and the route it allows; a budget reservation for the
 * route's worst case, or, when the budget cannot hold it, what the policy says to do instead; and the audit entry,
 * which counts what was redacted but never holds a value.
 */
@ApplicationScoped
public class ModelCallPreparer {

    /** The most model calls one preparation may reserve for (a caller's {@code max_calls}). */
    public static final int MAX_CALLS = 20;

    private final TenantPolicies policies;
    private final TenantRedactors redactors;
    private final PseudonymVault vault;
    private final BudgetReservations reservations;
    private final GovernanceAudit audit;
    private final ModelCallSettings settings;

    public ModelCallPreparer(TenantPolicies policies, TenantRedactors redactors, PseudonymVault vault,
            BudgetReservations reservations, GovernanceAudit audit, ModelCallSettings settings) {
        this.policies = policies;
        this.redactors = redactors;
        this.vault = vault;
        this.reservations = reservations;
        this.audit = audit;
        this.settings = settings;
    }

    /** The state the steps fill in, one after another. */
    private record Call(Trace trace, PrepareModelCallRequest request, ActivePolicy policy, PreparedEvidence evidence,
            String classification, RouteChoice.Choice choice, ModelRoute route, Department department,
            BudgetReservations.Outcome budget) {
    }

    public Uni<PrepareModelCallResponse> prepare(Trace trace, PrepareModelCallRequest request) {
        return policies.active(request.getTenant())
                .chain(policy -> redact(trace, request, policy))
                .chain(call -> vault.remember(request.getTenant(), call.evidence().pseudonyms()).replaceWith(call))
                .map(this::route)
                .chain(this::reserve)
                .call(this::audit)
                .map(ModelCallPreparer::response);
    }

    private Uni<Call> redact(Trace trace, PrepareModelCallRequest request, ActivePolicy policy) {
        return redactors.of(request.getTenant(), policy).map(redactor -> {
            PreparedEvidence evidence = PreparedEvidence.of(redactor, request.getTitle(), request.getEvidenceList());
            String level = policy.document().data().classify(evidence.detectorsFound(), evidence.fieldsFound());
            Department department = policy.document().budgets().departmentFor(request.getSource());
            return new Call(trace, request, policy, evidence, level, null, null, department, null);
        });
    }

    private Call route(Call c) {
        RouteChoice.Choice choice = RouteChoice.choose(c.policy().document(), c.classification(),
                settings.reachableRoutes(), c.request().getSeverity(), c.request().getEscalate());
        return new Call(c.trace(), c.request(), c.policy(), c.evidence(), c.classification(), choice, choice.route(),
                c.department(), null);
    }

    private Uni<Call> reserve(Call c) {
        if (!RouteChoice.isModel(c.route())) {
            return Uni.createFrom().item(c);
        }
        BudgetPolicy budgets = c.policy().document().budgets();
        int calls = Math.max(1, c.request().getMaxCalls());
        BudgetReservations.Hold hold = new BudgetReservations.Hold(c.request().getTenant(), c.department().name(),
                c.request().getInvestigationId(), step(c.request()), c.route().name(),
                c.route().inputUsdPerMillion(), c.route().outputUsdPerMillion(),
                calls * Math.max(0, c.request().getEstimatedInputTokens()), calls * c.route().maxOutputTokens(),
                new BudgetReservations.Limits(c.department().monthlyUsd(), c.department().dailyTokens(),
                        budgets.perInvestigationTokens()),
                settings.reservationLease());
        return reservations.reserve(hold).map(outcome -> new Call(c.trace(), c.request(), c.policy(), c.evidence(),
                c.classification(), c.choice(), outcome.reserved() ? c.route() : RouteChoice.DETERMINISTIC_ROUTE,
                c.department(), outcome));
    }

    private static String step(PrepareModelCallRequest request) {
        return request.getStep().isBlank() ? "investigate" : request.getStep();
    }

    private static BudgetOutcome outcome(Call c) {
        if (c.budget() == null) {
            return BudgetOutcome.BUDGET_OUTCOME_NOT_NEEDED;
        }
        if (c.budget().reserved()) {
            return BudgetOutcome.BUDGET_OUTCOME_RESERVED;
        }
        return c.policy().document().budgets().onExhausted() == OnExhausted.HOLD
                ? BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_HOLD
                : BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_DETERMINISTIC;
    }

    private Uni<Void> audit(Call c) {
        PrepareModelCallRequest r = c.request();
        GovernanceAudit.Subject about = new GovernanceAudit.Subject(r.getTenant(), r.getAlertId(),
                r.getInvestigationId(), "");
        BudgetOutcome outcome = outcome(c);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("policy", c.policy().label());
        details.put("classification", c.classification());
        details.put("route", c.route().name());
        if (!c.choice().escalatedBecause().isEmpty()) {
            details.put("escalatedBecause", c.choice().escalatedBecause());
        }
        details.put("department", c.department().name());
        details.put("budget", outcome.name());
        details.put("items", r.getEvidenceCount());
        details.put("redactions", c.evidence().counts());
        Uni<?> exhausted = Uni.createFrom().voidItem();
        if (c.budget() != null) {
            details.put("reservedTokens", c.budget().tokens());
            details.put("reservedUsd", c.budget().usd().toPlainString());
            if (c.budget().reserved()) {
                details.put("reservationId", c.budget().reservationId().toString());
            } else {
                exhausted = audit.record(c.trace(), "budget.exhausted", about, Map.of("limit",
                        c.budget().exhausted(), "detail", c.budget().detail(), "department", c.department().name(),
                        "then", outcome.name()));
            }
        }
        return exhausted.chain(() -> audit.record(c.trace(), "model_call.prepared", about, details))
                .replaceWithVoid();
    }

    private static PrepareModelCallResponse response(Call c) {
        PrepareModelCallResponse.Builder b = PrepareModelCallResponse.newBuilder().setRoute(c.route().name())
                .setModelRoute(RouteChoice.toProto(c.route())).setPolicy(c.policy().label())
                .setClassification(c.classification()).setDepartment(c.department().name())
                .setPreparedTitle(c.evidence().title()).addAllPreparedEvidence(c.evidence().evidence())
                .putAllRedactions(c.evidence().counts()).setBudgetOutcome(outcome(c));
        if (c.budget() != null && c.budget().reserved()) {
            b.setReservationId(c.budget().reservationId().toString()).setReservedTokens((int) c.budget().tokens());
            b.setEscalatedBecause(c.choice().escalatedBecause());
            if (c.choice().escalation() != null) {
                b.setEscalationRoute(c.choice().escalation().name())
                        .setEscalateBelowConfidence(c.policy().document().escalation().belowConfidence());
            }
        }
        return b.build();
    }
}
