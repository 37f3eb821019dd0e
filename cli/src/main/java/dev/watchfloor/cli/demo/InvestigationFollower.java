package dev.watchfloor.cli.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.watchfloor.cli.api.InvestigationSummary;
import dev.watchfloor.cli.api.ReasoningClient;

/**
 * Polls reasoning for the investigation of each submitted alert and prints a line whenever one changes state, until all
 * are completed or failed, or the time is up.
 */
final class InvestigationFollower {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int TITLE_WIDTH = 60;

    private final ReasoningClient reasoning;
    private final PrintStream out;

    InvestigationFollower(ReasoningClient reasoning, PrintStream out) {
        this.reasoning = reasoning;
        this.out = out;
    }

    /** The last state seen for each alert; alerts reasoning has not picked up yet map to empty. */
    Map<SubmittedAlert, Optional<InvestigationSummary>> follow(List<SubmittedAlert> alerts, Duration timeout)
            throws InterruptedException {
        Map<SubmittedAlert, Optional<InvestigationSummary>> latest = new LinkedHashMap<>();
        Map<SubmittedAlert, String> shown = new LinkedHashMap<>();
        alerts.forEach(alert -> latest.put(alert, Optional.empty()));
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        while (true) {
            for (SubmittedAlert alert : alerts) {
                if (latest.get(alert).map(InvestigationSummary::finished).orElse(false)) {
                    continue;
                }
                Optional<InvestigationSummary> now = reasoning.forAlert(alert.alertId()).stream().findFirst();
                latest.put(alert, now);
                String state = describe(now);
                if (!state.equals(shown.put(alert, state))) {
                    out.printf(Locale.ROOT, "  [%5.1fs] %-" + TITLE_WIDTH + "s %s%n", (System.nanoTime() - begin) / 1e9,
                            shorten(alert.title()), state);
                }
            }
            if (latest.values().stream().allMatch(s -> s.map(InvestigationSummary::finished).orElse(false))
                    || System.nanoTime() > deadline) {
                return latest;
            }
            Thread.sleep(POLL);
        }
    }

    static String describe(Optional<InvestigationSummary> summary) {
        if (summary.isEmpty()) {
            return "waiting for reasoning";
        }
        InvestigationSummary s = summary.get();
        if (!"completed".equals(s.status())) {
            return s.status();
        }
        String confidence = s.confidence() == null ? "?" : String.format(Locale.ROOT, "%.2f", s.confidence());
        return "completed: " + s.verdict() + " (confidence " + confidence + ")";
    }

    static String shorten(String title) {
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 3) + "...";
    }
}
