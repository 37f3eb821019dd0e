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
 * Runs one leased investigation: assemble evidence (context), prepare the model call (governance), investigate, verify,
 * record usage (governance), propose actions (action), then complete it if the lease still holds, with its
 * {@code investigation.completed} audit entry in the same transaction. The run is a child span of the trace the alert
 * arrived in.
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

    private Uni<Boolean> steps(Trace trace, QueuedInvestigation q) {
        StepTimer timer = new StepTimer();
        return timer.time("assemble", () -> remote.assemble(trace, q))
                .chain(assembled -> timer.time("prepare", () -> remote.prepare(trace, q, assembled))
                        .chain(prepared -> {
                            var evidence = remote.evidence(assembled, prepared);
                            return timer.time("investigate", () -> Uni.createFrom().item(() -> AssessmentVerifier
                                    .verify(assess(q, prepared, evidence), evidence)))
                                    .chain(verified -> timer.time("record_usage",
                                            () -> remote.recordUsage(trace, q, prepared))
                                            .chain(() -> timer.time("propose",
                                                    () -> remote.propose(trace, q, verified.assessment())))
                                            .map(ignored -> new InvestigationResult(prepared.getRoute(),
                                                    prepared.getPolicy(), prepared.getClassification(),
                                                    budget(prepared), prepared.getRedactionsMap(),
                                                    assembled.getTokensUsed(),
                                                    assembled.getItemsDropped(), evidence, verified.assessment(),
                                                    verified.problems(), timer.steps())));
                        }))
                .chain(result -> complete(trace, q, result));
    }

    /** The deterministic investigator, unless the budget is exhausted and the policy says to hold for a human. */
    private Assessment assess(QueuedInvestigation q, PrepareModelCallResponse prepared, List<Evidence> evidence) {
        if (prepared.getBudgetOutcome() == BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_HOLD) {
            return new Assessment(Verdict.NEEDS_REVIEW, "unknown", 0, List.of(), List.of(), List.of());
        }
        return investigator.investigate(q.title(), q.severityId(), evidence);
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
