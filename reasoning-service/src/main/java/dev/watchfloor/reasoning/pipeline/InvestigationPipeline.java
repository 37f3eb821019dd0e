package dev.watchfloor.reasoning.pipeline;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.DeterministicInvestigator;
import dev.watchfloor.reasoning.llm.ModelInvestigator;
import dev.watchfloor.reasoning.llm.Prompts;
import dev.watchfloor.reasoning.llm.Targets;
import dev.watchfloor.reasoning.queue.InvestigationQueue;
import dev.watchfloor.reasoning.queue.Outcome;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;
import dev.watchfloor.reasoning.verify.Verification;

/**
 * Runs one leased investigation as a flat list of named steps over one {@link Run}: assemble evidence (context),
 * prepare the model call (governance: redaction, route, budget) and, at the same time, ask which alert entities the
 * policy sanctions (governance), investigate with the deterministic rules, ask the model when the route allows, verify,
 * record usage (governance) and propose actions (action) at the same time, then complete it if the lease still holds,
 * with its {@code investigation.completed} audit entry in the same transaction. The run is a child span of the trace
 * the alert arrived in, and each step a child span of the run.
 */
@ApplicationScoped
public class InvestigationPipeline {

    private final RemoteSteps remote;
    private final DeterministicInvestigator rules;
    private final ModelPath modelPath;
    private final InvestigationQueue queue;
    private final Spans spans;
    private final StepMetrics metrics;

    public InvestigationPipeline(RemoteSteps remote, DeterministicInvestigator rules, ModelPath modelPath,
            InvestigationQueue queue, Spans spans, StepMetrics metrics) {
        this.remote = remote;
        this.rules = rules;
        this.modelPath = modelPath;
        this.queue = queue;
        this.spans = spans;
        this.metrics = metrics;
    }

    /** Completes the investigation; emits false when another replica owns it now. */
    public Uni<Boolean> run(QueuedInvestigation q) {
        Map<String, String> ids = Map.of("watchfloor.tenant", q.tenant(), "watchfloor.alert.id", q.alertId(),
                "watchfloor.investigation.id", q.id().toString());
        return spans.inSpan(Trace.fromTraceparent(q.traceparent()), "investigation.run", SpanKind.CONSUMER, ids,
                trace -> steps(new Run(q, new StepTimer(metrics, spans, trace, q.tenant()), null, null, null, null,
                        null, null, null), trace));
    }

    /** What the steps have produced so far; each step returns it with its own part filled in. */
    private record Run(QueuedInvestigation q, StepTimer timer, AssembleResponse assembled, Targets targets,
            PrepareModelCallResponse prepared, Case c, Assessment rules, ModelPath.Chosen chosen,
            Verification verified) {

        Run assembled(AssembleResponse a) {
            return new Run(q, timer, a, RemoteSteps.targets(a), prepared, c, rules, chosen, verified);
        }

        Run prepared(PrepareModelCallResponse p) {
            return new Run(q, timer, assembled, targets, p, c, rules, chosen, verified);
        }

        Run sanctioned(Map<String, String> sanctioned) {
            Case built = new Case(prepared.getPreparedTitle().isEmpty() ? q.title() : prepared.getPreparedTitle(),
                    q.severityId(), RemoteSteps.evidence(assembled, prepared), sanctioned);
            return new Run(q, timer, assembled, targets, prepared, built, rules, chosen, verified);
        }

        Run investigated(Assessment a) {
            return new Run(q, timer, assembled, targets, prepared, c, a, chosen, verified);
        }

        Run chose(ModelPath.Chosen x) {
            return new Run(q, timer, assembled, targets, prepared, c, rules, x, verified);
        }

        Run verified(Verification v) {
            return new Run(q, timer, assembled, targets, prepared, c, rules, chosen, v);
        }

        ModelInvestigator.Briefing briefing() {
            return new ModelInvestigator.Briefing(c.title(), targets, RemoteSteps.preparedTargets(prepared));
        }
    }

    private Uni<Boolean> steps(Run start, Trace trace) {
        QueuedInvestigation q = start.q();
        return Uni.createFrom().item(start)
                .chain(run -> run.timer().time("assemble", t -> assembleOnce(t, q)).map(run::assembled))
                .chain(run -> Uni.combine().all()
                        .unis(run.timer().time("prepare",
                                t -> remote.prepare(t, q, run.assembled(), run.targets(), false)),
                                run.timer().time("sanctions", t -> remote.sanctions(t, q, run.assembled())))
                        .asTuple().map(both -> run.prepared(both.getItem1()).sanctioned(both.getItem2())))
                .chain(run -> run.timer().time("investigate", t -> item(rules.investigate(run.c())))
                        .map(run::investigated))
                .chain(run -> modelPath.choose(q, run.prepared(), run.c(), run.briefing(), run.rules(),
                        run.timer()).map(run::chose))
                .chain(run -> modelPath.escalate(q, run.chosen(), run.c(), run.briefing(), run.rules(), run.timer(),
                        t -> remote.prepare(t, q, run.assembled(), run.targets(), true)).map(run::chose))
                .chain(run -> run.timer().time("verify", t -> item(run.chosen().verified(run.c(), run.rules())))
                        .map(run::verified))
                .call(run -> Uni.combine().all()
                        .unis(run.timer().time("record_usage",
                                t -> remote.recordUsage(t, q, run.chosen())),
                                run.timer().time("propose", t -> remote.propose(t, q, run.verified().assessment())))
                        .discardItems())
                .chain(run -> complete(trace, q, result(run)));
    }

    /**
     * The evidence an earlier attempt of this investigation assembled, else context's assembly, kept for any later
     * attempt. Context itself assembles once per investigation and run, so a retried attempt rests on one assembly even
     * when it died before keeping it; keeping it here saves the later attempt that call.
     */
    private Uni<AssembleResponse> assembleOnce(Trace trace, QueuedInvestigation q) {
        Uni<AssembleResponse> earlier = q.kept() ? queue.assembled(q) : item(null);
        return earlier.chain(kept -> kept != null
                ? item(kept)
                : remote.assemble(trace, q).call(fresh -> queue.keepAssembled(q, fresh)));
    }

    private static <T> Uni<T> item(T value) {
        return Uni.createFrom().item(value);
    }

    private static InvestigationResult result(Run run) {
        ModelPath.Chosen chosen = run.chosen();
        PrepareModelCallResponse prepared = chosen.prepared();
        var calls = chosen.calls();
        String model = calls.isEmpty() ? null : prepared.getModelRoute().getModel();
        return new InvestigationResult(chosen.path(), chosen.reason(), prepared.getRoute(), model,
                chosen.byModel() ? Prompts.VERSION : null, prepared.getPolicy(), prepared.getClassification(),
                budget(prepared), prepared.getRedactionsMap(), run.assembled().getTokensUsed(),
                run.assembled().getItemsDropped(), run.c().evidence(), run.verified().assessment(),
                run.verified().checks(), calls, chosen.costUsd(), run.timer().steps());
    }

    private static String budget(PrepareModelCallResponse prepared) {
        return prepared.getBudgetOutcome().name().replace("BUDGET_OUTCOME_", "").toLowerCase(Locale.ROOT);
    }

    private Uni<Boolean> complete(Trace trace, QueuedInvestigation q, InvestigationResult result) {
        Assessment a = result.assessment();
        AuditEntry completed = AuditEntry.of(q.tenant(), "investigation.completed").alert(q.alertId())
                .investigation(q.id().toString())
                .details(Map.of("verdict", a.verdict().wire(), "confidence", a.confidence(), "path", result.path(),
                        "route", result.route(), "evidenceItems", result.evidence().size(), "findings",
                        a.findings().size(), "actionsProposed", a.actions().size(), "costUsd", result.costUsd(),
                        "redactions", result.redactions(), "problems",
                        new Verification(a, result.verification()).problems()));
        Outcome outcome = new Outcome(a.verdict().wire(), a.severity().wire(), a.confidence(),
                JsonObject.mapFrom(result));
        return queue.complete(trace, q, outcome, completed);
    }
}
