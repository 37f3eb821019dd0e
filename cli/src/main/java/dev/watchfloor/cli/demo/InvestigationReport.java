package dev.watchfloor.cli.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.watchfloor.cli.api.Investigation;
import dev.watchfloor.cli.render.Table;
import dev.watchfloor.cli.render.Text;

/** The demo's result table: one row per investigation, with per-step latency and the proposed actions. */
final class InvestigationReport {

    private static final int TITLE_WIDTH = 36;

    private InvestigationReport() {
    }

    /**
     * {@code alertTitles} (by alert id) stands in when an investigation has no title; {@code pendingApprovalIds} tells
     * which actions still wait for a human.
     */
    static Table table(List<Investigation> investigations, Map<String, String> alertTitles,
            Set<String> pendingApprovalIds) {
        Table table = new Table("alert", "verdict", "confidence", "evidence", "steps (latency)", "actions", "trace id");
        for (Investigation investigation : investigations) {
            String title = investigation.title() != null
                    ? investigation.title()
                    : alertTitles.get(investigation.alertId());
            table.row(Text.wrap(title, TITLE_WIDTH), investigation.verdict(),
                    confidence(investigation.confidence()), investigation.evidence().size(), steps(investigation),
                    actions(investigation, pendingApprovalIds), investigation.traceId());
        }
        return table;
    }

    static String confidence(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.2f", value);
    }

    static String steps(Investigation investigation) {
        return investigation.steps().stream()
                .map(step -> step.name() + "=" + (step.latencyMs() == null ? "?" : step.latencyMs()) + "ms"
                        + ("failed".equals(step.status()) ? " (failed)" : ""))
                .collect(Collectors.joining("\n"));
    }

    static String actions(Investigation investigation, Set<String> pendingApprovalIds) {
        return investigation.actions().stream()
                .map(action -> action.type() + " " + action.target() + ": " + action.state() + ", approval "
                        + approvalState(action, pendingApprovalIds))
                .collect(Collectors.joining("\n"));
    }

    private static String approvalState(Investigation.ProposedAction action, Set<String> pendingApprovalIds) {
        if (action.approvalId() == null) {
            return "not required";
        }
        return pendingApprovalIds.contains(action.approvalId()) ? "pending" : "decided";
    }
}
