package dev.watchfloor.reasoning.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.ModelRoute;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.Severity;
import dev.watchfloor.reasoning.llm.ModelCallRecord;
import dev.watchfloor.reasoning.llm.ModelInvestigator;
import dev.watchfloor.reasoning.llm.ModelRun;
import dev.watchfloor.reasoning.model.ModelConfig;
import dev.watchfloor.reasoning.model.ModelEndpoint;
import dev.watchfloor.reasoning.model.ModelEndpoints;
import dev.watchfloor.reasoning.queue.InvestigationQueue;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;
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
    /** Step names of an escalation: governance's second preparation, and the stronger route's model call. */
    static final String PREPARE_ESCALATION = "prepare_escalation";
    static final String ESCALATED_MODEL = "model_escalated";

    private final ModelInvestigator investigator;
    private final ModelEndpoints endpoints;
    private final StepMetrics metrics;
    private final InvestigationQueue queue;
    private final ModelSlots slots;

    public ModelPath(ModelInvestigator investigator, ModelEndpoints endpoints, StepMetrics metrics,
            InvestigationQueue queue, ModelConfig config) {
        this.investigator = investigator;
        this.endpoints = endpoints;
        this.metrics = metrics;
        this.queue = queue;
        this.slots = new ModelSlots(config.bulkheadLimit());
    }

    /**
     * A preparation governance answered, and the model run made on it (null when no model ran): each is settled with
     * governance, the run's usage recorded against its reservation or the reservation released.
     */
    public record Settlement(PrepareModelCallResponse prepared, ModelRun run) {

        boolean paid() {
            return run != null && !run.calls().isEmpty();
        }
    }

    /**
     * Which path answered, why, its assessment before verification, the model run if a model answered, the preparation
     * the answer rests on, and every preparation made with its run (two when the call escalated).
     */
    public record Chosen(String path, String reason, Assessment assessment, ModelRun modelRun,
            PrepareModelCallResponse prepared, List<Settlement> settlements) {

        public Chosen {
            settlements = List.copyOf(settlements);
        }

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

        /** Every model call made, in order; with more than one run, each labelled with its route. */
        List<ModelCallRecord> calls() {
            List<Settlement> ran = settlements.stream().filter(Settlement::paid).toList();
            return ran.stream().flatMap(s -> s.run().calls().stream().map(call -> ran.size() == 1
                    ? call
                    : call.relabelled(s.prepared().getRoute() + "/" + call.label()))).toList();
        }

        double costUsd() {
            return settlements.stream().filter(Settlement::paid).mapToDouble(s -> s.run().costUsd()).sum();
        }
    }

    Uni<Chosen> choose(QueuedInvestigation q, PrepareModelCallResponse prepared, Case c,
            ModelInvestigator.Briefing briefing, Assessment rules, StepTimer timer) {
        return choose(q, prepared, c, briefing, rules, timer, MODEL);
    }

    private Uni<Chosen> choose(QueuedInvestigation q, PrepareModelCallResponse prepared, Case c,
            ModelInvestigator.Briefing briefing, Assessment rules, StepTimer timer, String step) {
        BudgetOutcome budget = prepared.getBudgetOutcome();
        if (budget == BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_HOLD) {
            return Uni.createFrom().item(new Chosen(HOLD, "the budget is spent and the policy holds for a human",
                    Assessment.needsReview(Severity.ofAlert(c.severityId()),
                            "Budget exhausted: held for an analyst by the tenant's policy.", List.of()),
                    null, prepared, List.of(new Settlement(prepared, null))));
        }
        if (budget != BudgetOutcome.BUDGET_OUTCOME_RESERVED) {
            String why = budget == BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_DETERMINISTIC
                    ? "the budget is spent and the policy falls back to the deterministic investigator"
                    : "the policy routes this call to " + prepared.getRoute();
            return Uni.createFrom().item(deterministic(why, rules, prepared, null));
        }
        var endpoint = endpoints.resolve(prepared.getModelRoute());
        if (endpoint.isEmpty()) {
            return Uni.createFrom().item(deterministic("no endpoint is configured for route " + prepared.getRoute(),
                    rules, prepared, null));
        }
        timer.route(prepared.getRoute());
        return timer.time(step, t -> ask(t, q, c, briefing, endpoint.get(), prepared.getModelRoute()),
                asked -> asked.run().costUsd())
                .map(asked -> chosen(q.tenant(), endpoint.get(), asked, rules, prepared));
    }

    private static Chosen deterministic(String why, Assessment rules, PrepareModelCallResponse prepared,
            ModelRun run) {
        return new Chosen(DETERMINISTIC, why, rules, run, prepared, List.of(new Settlement(prepared, run)));
    }

    /**
     * Asks again on the stronger route governance offered when the model's answer is unsure: it needs review, or is
     * less confident than the policy's threshold. {@code prepare} asks governance for that route (redaction, budget);
     * the stronger route's answer is used when it comes, else the first answer stands. Either way both preparations are
     * settled. Anything else is returned unchanged.
     */
    Uni<Chosen> escalate(QueuedInvestigation q, Chosen first, Case c, ModelInvestigator.Briefing briefing,
            Assessment rules, StepTimer timer, Function<Trace, Uni<PrepareModelCallResponse>> prepare) {
        String unsure = unsure(first);
        if (unsure == null) {
            return Uni.createFrom().item(first);
        }
        String from = first.prepared().getRoute();
        return timer.time(PREPARE_ESCALATION, prepare)
                .chain(again -> again.getRoute().equals(from)
                        ? Uni.createFrom()
                                .item(deterministic("governance kept it on route " + from, rules, again, null))
                        : choose(q, again, c, briefing, rules, timer, ESCALATED_MODEL))
                .map(second -> {
                    List<Settlement> both = new ArrayList<>(first.settlements());
                    both.addAll(second.settlements());
                    if (second.byModel()) {
                        return new Chosen(MODEL, "escalated from route " + from + " (" + unsure + ") to "
                                + second.reason(), second.assessment(), second.modelRun(), second.prepared(), both);
                    }
                    return new Chosen(first.path(), first.reason() + "; escalation (" + unsure + ") not used: "
                            + second.reason(), first.assessment(), first.modelRun(), first.prepared(), both);
                });
    }

    /** Why the model's answer is unsure enough to escalate; null when it is not, or there is nowhere to go. */
    private static String unsure(Chosen first) {
        PrepareModelCallResponse prepared = first.prepared();
        if (!first.byModel() || prepared == null || prepared.getEscalationRoute().isEmpty()) {
            return null;
        }
        Assessment a = first.assessment();
        if (a.verdict() == Verdict.NEEDS_REVIEW) {
            return "the answer needs review";
        }
        if (a.confidence() < prepared.getEscalateBelowConfidence()) {
            return "confidence " + a.confidence() + " below " + prepared.getEscalateBelowConfidence();
        }
        return null;
    }

    /** A model run, and whether an earlier attempt of this investigation made it. */
    private record Asked(ModelRun run, boolean kept) {
    }

    /**
     * The run an earlier attempt of this investigation kept for the route, else a new one, kept when the model answered
     * (a failed run is not kept: the next attempt asks again). So a retried attempt neither pays for the model again
     * nor records its usage twice. A new run waits for one of this replica's model slots.
     */
    private Uni<Asked> ask(Trace trace, QueuedInvestigation q, Case c, ModelInvestigator.Briefing briefing,
            ModelEndpoint endpoint, ModelRoute route) {
        Uni<JsonObject> earlier = q.kept() ? queue.keptModelRun(q, route.getName()) : Uni.createFrom().nullItem();
        return earlier.chain(kept -> {
            if (kept != null) {
                return Uni.createFrom().item(new Asked(kept.mapTo(ModelRun.class), true));
            }
            return slots.run(() -> blocking(() -> investigator.investigate(trace, c, briefing, endpoint, route)))
                    .call(run -> run.failed() || run.cached()
                            ? Uni.createFrom().voidItem()
                            : queue.keepModelRun(q, route.getName(), JsonObject.mapFrom(run)))
                    .map(run -> new Asked(run, false));
        });
    }

    private Chosen chosen(String tenant, ModelEndpoint endpoint, Asked asked, Assessment rules,
            PrepareModelCallResponse prepared) {
        ModelRun run = asked.run();
        if (!asked.kept()) {
            run.calls().forEach(call -> metrics.modelCall(tenant, endpoint.route(), call));
        }
        if (run.failed()) {
            return deterministic("the model path failed (" + run.failure()
                    + "); the deterministic investigator answered", rules, prepared, run);
        }
        String origin = asked.kept() ? "answer kept by an earlier attempt, " : run.cached() ? "cached answer of " : "";
        return new Chosen(MODEL, origin + "route " + endpoint.route() + " (" + endpoint.provider() + ":"
                + endpoint.model() + ")", run.assessment(), run, prepared, List.of(new Settlement(prepared, run)));
    }

    /** Runs blocking work on a worker thread and comes back to the caller's Vert.x context with its result. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
