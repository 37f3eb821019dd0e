package dev.watchfloor.reasoning.investigation;

import java.util.List;

import dev.watchfloor.reasoning.investigation.InvestigationView.ActionState;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.pipeline.InvestigationResult;
import dev.watchfloor.reasoning.verify.Verification;

final class InvestigationViews {

    private InvestigationViews() {
    }

    static InvestigationView of(InvestigationSummary s, InvestigationResult r, List<ActionState> actions,
            String actionsError, InvestigationView.Feedback feedback) {
        if (r == null) {
            return new InvestigationView(s.id(), s.alertId(), s.title(), s.status(), s.verdict(), s.severity(),
                    s.confidence(), s.attempts(), s.createdAt(), s.completedAt(), s.traceId(), s.lastError(), null,
                    null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null, actions, actionsError, feedback);
        }
        Assessment a = r.assessment();
        return new InvestigationView(s.id(), s.alertId(), s.title(), s.status(), s.verdict(), s.severity(),
                s.confidence(), s.attempts(), s.createdAt(), s.completedAt(), s.traceId(), s.lastError(), r.path(),
                r.pathReason(), r.route(), r.model(), r.promptVersion(),
                new InvestigationView.ModelCall(r.policy(), r.classification(), r.budget(), r.redactions()),
                a.summary(), a.techniques(), r.evidence(), a.findings(), r.verification(),
                new Verification(a, r.verification()).problems(), r.steps(), r.modelCalls(), r.costUsd(), actions,
                actionsError, feedback);
    }
}
