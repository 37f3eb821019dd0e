package dev.watchfloor.reasoning.investigation;

import java.time.Instant;
import java.util.List;

import dev.watchfloor.contracts.context.v1.AlertGroup;
import dev.watchfloor.reasoning.investigation.InvestigationView.ActionState;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.pipeline.InvestigationResult;
import dev.watchfloor.reasoning.verify.Verification;

final class InvestigationViews {

    private InvestigationViews() {
    }

    /** What is read from other services when the view is asked for; each error says why its part is missing. */
    record Live(List<ActionState> actions, String actionsError, InvestigationView.Group group, String groupError) {
    }

    static InvestigationView.Group group(AlertGroup g) {
        return new InvestigationView.Group(g.getGroupId(), g.getLeaderAlertId(), g.getMembers(),
                Instant.parse(g.getFirstSeen()), Instant.parse(g.getLastSeen()), g.getKeysList(),
                g.getMemberAlertIdsList(), g.getOpen());
    }

    static InvestigationView of(InvestigationSummary s, InvestigationResult r, Live live,
            InvestigationView.Feedback feedback) {
        if (r == null) {
            return new InvestigationView(s.id(), s.alertId(), s.title(), live.group(), live.groupError(), s.status(),
                    s.verdict(), s.severity(),
                    s.confidence(), s.attempts(), s.createdAt(), s.completedAt(), s.traceId(), s.lastError(), null,
                    null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null, live.actions(), live.actionsError(), feedback);
        }
        Assessment a = r.assessment();
        return new InvestigationView(s.id(), s.alertId(), s.title(), live.group(), live.groupError(), s.status(),
                s.verdict(), s.severity(),
                s.confidence(), s.attempts(), s.createdAt(), s.completedAt(), s.traceId(), s.lastError(), r.path(),
                r.pathReason(), r.route(), r.model(), r.promptVersion(),
                new InvestigationView.ModelCall(r.policy(), r.classification(), r.budget(), r.redactions()),
                a.summary(), a.techniques(), r.evidence(), a.findings(), r.verification(),
                new Verification(a, r.verification()).problems(), r.steps(), r.modelCalls(), r.costUsd(),
                live.actions(),
                live.actionsError(), feedback);
    }
}
