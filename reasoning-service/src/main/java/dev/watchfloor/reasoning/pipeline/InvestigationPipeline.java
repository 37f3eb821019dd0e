package dev.watchfloor.reasoning.pipeline;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.AssessmentVerifier;
import dev.watchfloor.reasoning.investigator.DeterministicInvestigator;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.investigator.Verdict;
import dev.watchfloor.reasoning.queue.InvestigationQueue;
import dev.watchfloor.reasoning.queue.Outcome;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;

/**
 * Runs one leased investigation: assemble evidence (context), prepare the model call (governance), ask which alert
 * entities the policy sanctions (governance), investigate, verify, record usage (governance), propose actions (action),
 * then complete it if the lease still holds, with its {@code investigation.completed} audit entry in the same
 * transaction. The run is a child span of the trace the alert arrived in.
 */
@ApplicationScoped
public class InvestigationPipeline {

    private final RemoteSteps remote;
    private final DeterministicInvestigator investigator;
    private final InvestigationQueue queue;
    private final Spans spans;

    public InvestigationPipeline(RemoteSteps remote, DeterministicInvestigator investigator, InvestigationQueue queue,
            Spans spans) {
        this.remote = remote;
        this.investigator = investigator;
        this.queue = queue;
        this.spans = spans;
    }

    /** Completes the investigation; emits false when another replica owns it now. */
    public Uni<Boolean> run(QueuedInvestigation q) {
        Map<String, String> ids = Map.of("watchfloor.tenant", q.tenant(), "watchfloor.alert.id", q.alertId(),
                "watchfloor.investigation.id", q.id().toString());
        return spans.inSpan(Trace.fromTraceparent(q.traceparent()), "investigation.run", SpanKind.CONSUMER, ids,
                trace -> steps(trace, q));
    }

    /** What the steps have produced so far; each step returns it with its own part filled in. */
    private record Run(Trace trace, QueuedInvestigation q, StepTimer timer, AssembleResponse assembled,
            PrepareModelCallResponse prepared, List<Evidence> evidence, Map<String, String> sanctioned,
            AssessmentVerifier.Verified verified) {

        Run with(AssembleResponse a) {
            return new Run(trace, q, timer, a, prepared, evidence, sanctioned, verified);
        }

        Run with(PrepareModelCallResponse p, List<Evidence> e) {
            return new Run(trace, q, timer, assembled, p, e, sanctioned, verified);
        }

        Run with(Map<String, String> s) {
            return new Run(trace, q, timer, assembled, prepared, evidence, s, verified);
        }

        Run with(AssessmentVerifier.Verified v) {
            return new Run(trace, q, timer, assembled, prepared, evidence, sanctioned, v);
        }
    }

    private Uni<Boolean> steps(Trace trace, QueuedInvestigation q) {
        Run start = new Run(trace, q, new StepTimer(), null, null, null, Map.of(), null);
        return Uni.createFrom().item(start)
                .chain(run -> run.timer().time("assemble", () -> remote.assemble(trace, q)).map(run::with))
                .chain(run -> run.timer().time("prepare", () -> remote.prepare(trace, q, run.assembled()))
                        .map(prepared -> run.with(prepared, remote.evidence(run.assembled(), prepared))))
                .chain(run -> run.timer().time("sanctions", () -> remote.sanctions(trace, q, run.assembled()))
                        .map(run::with))
                .chain(run -> run.timer().time("investigate", () -> Uni.createFrom().item(() -> investigate(run)))
                        .map(run::with))
                .call(run -> run.timer().time("record_usage", () -> remote.recordUsage(trace, q, run.prepared())))
                .call(run -> run.timer().time("propose", () -> remote.propose(trace, q, run.verified().assessment())))
                .chain(run -> complete(trace, q, result(run)));
    }

    /**
     * The deterministic investigator, verified against the evidence; unless the budget is exhausted and the policy says
     * to hold for a human.
     */
    private AssessmentVerifier.Verified investigate(Run run) {
        Assessment assessment = run.prepared().getBudgetOutcome() == BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_HOLD
                ? new Assessment(Verdict.NEEDS_REVIEW, "unknown", 0, List.of(), List.of(), List.of())
                : investigator.investigate(run.q().title(), run.q().severityId(), run.evidence(), run.sanctioned());
        return AssessmentVerifier.verify(assessment, run.evidence());
    }

    private static InvestigationResult result(Run run) {
        PrepareModelCallResponse prepared = run.prepared();
        return new InvestigationResult(prepared.getRoute(), prepared.getPolicy(), prepared.getClassification(),
                budget(prepared), prepared.getRedactionsMap(), run.assembled().getTokensUsed(),
                run.assembled().getItemsDropped(), run.evidence(), run.verified().assessment(),
                run.verified().problems(), run.timer().steps());
    }

    private static String budget(PrepareModelCallResponse prepared) {
        return prepared.getBudgetOutcome().name().replace("BUDGET_OUTCOME_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private Uni<Boolean> complete(Trace trace, QueuedInvestigation q, InvestigationResult result) {
        var a = result.assessment();
        AuditEntry completed = AuditEntry.of(q.tenant(), "investigation.completed").alert(q.alertId())
                .investigation(q.id().toString())
                .details(Map.of("verdict", a.verdict().wire(), "confidence", a.confidence(), "route", result.route(),
                        "evidenceItems", result.evidence().size(), "findings", a.findings().size(),
                        "actionsProposed", a.actions().size(), "redactions", result.redactions(), "problems",
                        List.copyOf(result.verificationProblems())));
        Outcome outcome = new Outcome(a.verdict().wire(), a.severity(), a.confidence(), JsonObject.mapFrom(result));
        return queue.complete(trace, q, outcome, completed);
    }
}
