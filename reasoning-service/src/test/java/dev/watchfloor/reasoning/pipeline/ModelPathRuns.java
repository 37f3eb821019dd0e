package dev.watchfloor.reasoning.pipeline;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.contracts.governance.v1.ModelRoute;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigation.InvestigationRepository;
import dev.watchfloor.reasoning.investigation.NewInvestigation;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.DeterministicInvestigator;
import dev.watchfloor.reasoning.llm.ModelInvestigator;
import dev.watchfloor.reasoning.llm.Targets;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;
import dev.watchfloor.reasoning.verify.Verification;

/**
 * For the model-path tests: runs the investigate, model and verify steps of one case as the pipeline does, with a
 * governance answer the test makes up (no governance runs in this module's tests).
 */
@ApplicationScoped
public class ModelPathRuns {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ModelPath path;
    private final DeterministicInvestigator rules;
    private final StepMetrics metrics;
    private final Spans spans;

    private final InvestigationRepository repository;
    private final Pool pool;

    public ModelPathRuns(ModelPath path, DeterministicInvestigator rules, StepMetrics metrics, Spans spans,
            InvestigationRepository repository, Pool pool) {
        this.path = path;
        this.rules = rules;
        this.metrics = metrics;
        this.spans = spans;
        this.repository = repository;
        this.pool = pool;
    }

    /** What the path chose, the verified assessment, and the deterministic rules' own assessment of the case. */
    record Outcome(ModelPath.Chosen chosen, Verification verified, Assessment rules) {
    }

    /** Governance's answer when it reserved the budget for a model route; the target list comes back unredacted. */
    static PrepareModelCallResponse reserved(ModelRoute route, Targets targets) {
        return PrepareModelCallResponse.newBuilder().setRoute(route.getName()).setModelRoute(route)
                .setBudgetOutcome(BudgetOutcome.BUDGET_OUTCOME_RESERVED).setReservationId("r-test")
                .addPreparedEvidence(EvidenceText.newBuilder().setId(Targets.EVIDENCE_ID).setText(targets.toJson()))
                .build();
    }

    Outcome run(Case c, Targets targets, PrepareModelCallResponse prepared) {
        // an investigation with no row: nothing kept to reuse, and keeping a run changes nothing
        return run(c, targets, prepared, new QueuedInvestigation(UUID.randomUUID(), "t-test", "a-test", "test",
                c.title(), c.severityId(), "", 1, "test-owner", 0, false));
    }

    /** As an attempt of the leased investigation {@code q}: a run an earlier attempt kept is reused. */
    Outcome run(Case c, Targets targets, PrepareModelCallResponse prepared, QueuedInvestigation q) {
        Assessment deterministic = rules.investigate(c);
        StepTimer timer = new StepTimer(metrics, spans, Trace.fromTraceparent(""), "t-test");
        ModelInvestigator.Briefing briefing = new ModelInvestigator.Briefing(c.title(), targets,
                RemoteSteps.preparedTargets(prepared));
        ModelPath.Chosen chosen = path.choose(q, prepared, c, briefing, deterministic, timer).await().atMost(WAIT);
        return new Outcome(chosen, chosen.verified(c, deterministic), deterministic);
    }

    /**
     * As the pipeline runs the model step and then the escalation step: {@code again} is governance's answer when the
     * path asks for the stronger route (null: a test failure if asked); {@code asked} counts the asks.
     */
    Outcome escalating(Case c, Targets targets, PrepareModelCallResponse prepared, PrepareModelCallResponse again,
            java.util.concurrent.atomic.AtomicInteger asked) {
        Assessment deterministic = rules.investigate(c);
        StepTimer timer = new StepTimer(metrics, spans, Trace.fromTraceparent(""), "t-test");
        ModelInvestigator.Briefing briefing = new ModelInvestigator.Briefing(c.title(), targets,
                RemoteSteps.preparedTargets(prepared));
        QueuedInvestigation q = new QueuedInvestigation(UUID.randomUUID(), "t-test", "a-test", "test", c.title(),
                c.severityId(), "", 1, "test-owner", 0, false);
        ModelPath.Chosen chosen = path.choose(q, prepared, c, briefing, deterministic, timer)
                .chain(first -> path.escalate(q, first, c, briefing, deterministic, timer, trace -> {
                    asked.incrementAndGet();
                    return io.smallrye.mutiny.Uni.createFrom().item(again);
                })).await().atMost(WAIT);
        return new Outcome(chosen, chosen.verified(c, deterministic), deterministic);
    }

    /** A new investigation of {@code c}, leased to {@code owner} as its first attempt would be. */
    QueuedInvestigation leased(Case c, String owner) {
        UUID id = UUID.randomUUID();
        String alertId = "alert-" + id;
        Trace trace = Trace.fromTraceparent("");
        repository.insertIfAbsent(trace, id, new NewInvestigation("t-test", alertId, "test", c.title(),
                c.severityId(), "2025-01-01T00:00:00Z", "", ""),
                AuditEntry.of("t-test", "investigation.queued")
                        .alert(alertId).investigation(id.toString()))
                .await().atMost(WAIT);
        pool.preparedQuery("UPDATE reasoning.investigations SET status = 'running', attempts = 1, lease_owner = $2, "
                + "lease_until = now() + interval '5 minutes' WHERE id = $1").execute(Tuple.of(id, owner)).await()
                .atMost(WAIT);
        return new QueuedInvestigation(id, "t-test", alertId, "test", c.title(), c.severityId(), "", 1, owner, 0,
                false);
    }
}
