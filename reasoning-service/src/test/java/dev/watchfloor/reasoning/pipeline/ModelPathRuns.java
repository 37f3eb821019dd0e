package dev.watchfloor.reasoning.pipeline;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.contracts.governance.v1.ModelRoute;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.DeterministicInvestigator;
import dev.watchfloor.reasoning.llm.ModelInvestigator;
import dev.watchfloor.reasoning.llm.Targets;
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

    public ModelPathRuns(ModelPath path, DeterministicInvestigator rules, StepMetrics metrics, Spans spans) {
        this.path = path;
        this.rules = rules;
        this.metrics = metrics;
        this.spans = spans;
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
        Assessment deterministic = rules.investigate(c);
        StepTimer timer = new StepTimer(metrics, spans, Trace.fromTraceparent(""), "t-test");
        ModelInvestigator.Briefing briefing = new ModelInvestigator.Briefing(c.title(), targets,
                RemoteSteps.preparedTargets(prepared));
        ModelPath.Chosen chosen = path.choose("t-test", prepared, c, briefing, deterministic, timer).await()
                .atMost(WAIT);
        return new Outcome(chosen, chosen.verified(c, deterministic), deterministic);
    }
}
