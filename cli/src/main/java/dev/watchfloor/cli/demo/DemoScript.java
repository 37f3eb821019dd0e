package dev.watchfloor.cli.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.IngestResult;
import dev.watchfloor.cli.api.Investigation;
import dev.watchfloor.cli.api.InvestigationSummary;
import dev.watchfloor.cli.api.ServiceClients;

/** The demo's steps against a running mesh: load, submit, follow, report, approve. */
final class DemoScript {

    static final Duration INVESTIGATION_TIMEOUT = Duration.ofSeconds(120);

    private final ServiceClients clients;
    private final WebhookSink sink;
    private final PrintStream out;

    DemoScript(ServiceClients clients, WebhookSink sink, PrintStream out) {
        this.clients = clients;
        this.sink = sink;
        this.out = out;
    }

    /** Returns true when every investigation completed. */
    boolean run() throws InterruptedException {
        DemoData data = DemoData.load(Instant.now());
        List<IngestResult> events = clients.ingest().submitEvents(data.eventsJson());
        long accepted = events.stream().filter(IngestResult::accepted).count();
        out.println("loaded " + events.size() + " sample events (" + accepted + " accepted, "
                + (events.size() - accepted) + " quarantined)");
        List<SubmittedAlert> alerts = submitAlerts(data);
        out.println();
        out.println("following " + alerts.size() + " investigations (up to " + INVESTIGATION_TIMEOUT.toSeconds()
                + " s):");
        Map<SubmittedAlert, Optional<InvestigationSummary>> outcome = new InvestigationFollower(clients.reasoning(),
                out).follow(alerts, INVESTIGATION_TIMEOUT);
        List<Investigation> completed = report(outcome);
        boolean allCompleted = completed.size() == alerts.size();
        if (!allCompleted) {
            out.println((alerts.size() - completed.size()) + " of " + alerts.size()
                    + " investigations failed or did not finish in time");
        }
        out.println();
        new ApprovalStep(clients.governance(), sink, out)
                .run(alerts.stream().map(SubmittedAlert::alertId).collect(Collectors.toSet()));
        return allCompleted;
    }

    private List<SubmittedAlert> submitAlerts(DemoData data) {
        List<String> titles = data.alertTitles();
        List<byte[]> each = data.eachAlertJson();
        List<SubmittedAlert> alerts = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            IngestResult result = clients.ingest().submitAlerts(each.get(i)).get(0);
            String title = titles.get(i);
            if (result.accepted()) {
                // a rerun of the demo may find its alerts grouped with the last run's: follow the group's leader
                alerts.add(new SubmittedAlert(result.investigatedAlert(), title));
                out.println("submitted alert " + result.id() + "  " + title + (result.leader() == null
                        ? ""
                        : "  (" + result.status() + " with " + result.leader() + ")"));
            } else {
                out.println("alert quarantined: " + title + ": " + result.reason());
            }
        }
        return alerts;
    }

    private List<Investigation> report(Map<SubmittedAlert, Optional<InvestigationSummary>> outcome) {
        List<Investigation> completed = new ArrayList<>();
        for (Optional<InvestigationSummary> summary : outcome.values()) {
            if (summary.isPresent() && "completed".equals(summary.get().status())) {
                completed.add(clients.reasoning().get(summary.get().id()));
            }
        }
        if (completed.isEmpty()) {
            return completed;
        }
        Set<String> pending = clients.governance().pendingApprovals().stream().map(Approval::id)
                .collect(Collectors.toSet());
        out.println();
        Map<String, String> titles = outcome.keySet().stream()
                .collect(Collectors.toMap(SubmittedAlert::alertId, SubmittedAlert::title, (a, b) -> a));
        out.print(InvestigationReport.table(completed, titles, pending).render());
        return completed;
    }
}
