package dev.watchfloor.reasoning.pipeline;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.Severity;
import dev.watchfloor.reasoning.llm.ModelInvestigator;
import dev.watchfloor.reasoning.llm.ModelRun;
import dev.watchfloor.reasoning.model.ModelEndpoint;
import dev.watchfloor.reasoning.model.ModelEndpoints;
import dev.watchfloor.reasoning.verify.Grounds;
import dev.watchfloor.reasoning.verify.Verification;
import dev.watchfloor.reasoning.verify.Verifier;

/**
 * Decides which investigator answers: the model on the route governance chose, when the budget is reserved and this
 * replica has an endpoint for it; otherwise, or when the model path fails (timeouts, 5xx, 429 after retries, an open
 * circuit), the deterministic investigator, whose assessment is already there; or a hold for a human when the budget is
 * spent and the policy says so. The choice and its reason are stored with the investigation.
 */
@ApplicationScoped
public class ModelPath {

    public static final String MODEL = "model";
    public static final String DETERMINISTIC = "deterministic";
    public static final String HOLD = "hold";

    private final ModelInvestigator investigator;
    private final ModelEndpoints endpoints;
    private final StepMetrics metrics;

    public ModelPath(ModelInvestigator investigator, ModelEndpoints endpoints, StepMetrics metrics) {
        this.investigator = investigator;
        this.endpoints = endpoints;
        this.metrics = metrics;
    }

    /** Which path answered, why, its assessment before verification, and the model run if a model was asked. */
    public record Chosen(String path, String reason, Assessment assessment, ModelRun modelRun) {

        boolean byModel() {
            return MODEL.equals(path);
        }

        /**
         * The verification steps for this path: citations and targets for any assessment; for a model's, after its
         * structure and convergence results, the cross-check with the deterministic rules' assessment.
         */
        Verification verified(Case c, Assessment rules) {
            return Verifier.verify(assessment, new Grounds(c, byModel() ? rules : null),
                    byModel() ? modelRun.checks() : List.of());
        }
    }

    Uni<Chosen> choose(String tenant, PrepareModelCallResponse prepared, Case c,
            ModelInvestigator.Briefing briefing, Assessment rules, StepTimer timer) {
        BudgetOutcome budget = prepared.getBudgetOutcome();
        if (budget == BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_HOLD) {
            return Uni.createFrom().item(new Chosen(HOLD, "the budget is spent and the policy holds for a human",
                    Assessment.needsReview(Severity.ofAlert(c.severityId()),
                            "Budget exhausted: held for an analyst by the tenant's policy.", List.of()),
                    null));
        }
        if (budget != BudgetOutcome.BUDGET_OUTCOME_RESERVED) {
            String why = budget == BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_DETERMINISTIC
                    ? "the budget is spent and the policy falls back to the deterministic investigator"
                    : "the policy routes this call to " + prepared.getRoute();
            return Uni.createFrom().item(new Chosen(DETERMINISTIC, why, rules, null));
        }
        var endpoint = endpoints.resolve(prepared.getModelRoute());
        if (endpoint.isEmpty()) {
            return Uni.createFrom().item(new Chosen(DETERMINISTIC,
                    "no endpoint is configured for route " + prepared.getRoute(), rules, null));
        }
        timer.route(prepared.getRoute());
        return timer.time(MODEL, step -> blocking(() -> investigator.investigate(step, c, briefing, endpoint.get(),
                prepared.getModelRoute())), ModelRun::costUsd).map(run -> chosen(tenant, endpoint.get(), run, rules));
    }

    private Chosen chosen(String tenant, ModelEndpoint endpoint, ModelRun run, Assessment rules) {
        run.calls().forEach(call -> metrics.modelCall(tenant, endpoint.route(), call));
        if (run.failed()) {
            return new Chosen(DETERMINISTIC, "the model path failed (" + run.failure()
                    + "); the deterministic investigator answered", rules, run);
        }
        return new Chosen(MODEL, (run.cached() ? "cached answer of " : "") + "route " + endpoint.route() + " ("
                + endpoint.provider() + ":" + endpoint.model() + ")", run.assessment(), run);
    }

    /** Runs blocking work on a worker thread and comes back to the caller's Vert.x context with its result. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
