package dev.watchfloor.reasoning.investigation;

import java.util.List;

import dev.watchfloor.reasoning.investigation.InvestigationView.ActionState;
import dev.watchfloor.reasoning.pipeline.InvestigationResult;

final class InvestigationViews {

    private InvestigationViews() {
    }

    static InvestigationView of(InvestigationSummary s, InvestigationResult r, List<ActionState> actions,
            String actionsError) {
        boolean done = r != null;
        return new InvestigationView(s.id(), s.alertId(), s.title(), s.status(), s.verdict(), s.severity(),
                s.confidence(), s.attempts(), s.createdAt(), s.completedAt(), s.traceId(), s.lastError(),
                done ? r.route() : null,
                done
                        ? new InvestigationView.ModelCall(r.policy(), r.classification(), r.budget(), r.redactions())
                        : null,
                done ? r.assessment().techniques() : List.of(),
                done ? r.evidence() : List.of(), done ? r.assessment().findings() : List.of(),
                done ? r.verificationProblems() : List.of(),
                done ? r.steps() : List.of(),
                actions, actionsError);
    }
}
