package dev.watchfloor.cli.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.command.ApprovalsCommand;
import dev.watchfloor.cli.command.DecisionCommand;

/** The human in the loop: approve one pending action and show the webhook call that followed. */
final class ApprovalStep {

    static final Duration WEBHOOK_WAIT = Duration.ofSeconds(30);
    static final Duration PENDING_WAIT = Duration.ofSeconds(10);

    private final GovernanceClient governance;
    private final WebhookSink sink;
    private final PrintStream out;

    ApprovalStep(GovernanceClient governance, WebhookSink sink, PrintStream out) {
        this.governance = governance;
        this.sink = sink;
        this.out = out;
    }

    /**
     * Approves the first pending action raised for one of {@code alertIds}, waiting briefly for one to appear (the
     * approval request is filed right after the investigation completes). Returns true when its webhook call arrived.
     */
    boolean run(Set<String> alertIds) throws InterruptedException {
        List<Approval> pending = awaitPending(alertIds);
        if (pending.isEmpty()) {
            out.println("no action of this demo is waiting for approval, so there is nothing to approve");
            return false;
        }
        out.println("actions waiting for approval:");
        out.print(ApprovalsCommand.table(pending).render());
        Approval chosen = pending.get(0);
        out.println();
        out.println("approving " + chosen.actionType() + " on " + chosen.target() + " ...");
        Approval decided = governance.approve(chosen.id(), "approved from the watchfloor demo");
        out.println(DecisionCommand.describe(decided));
        out.println("waiting up to " + WEBHOOK_WAIT.toSeconds() + " s for the webhook call of action "
                + chosen.actionId() + " ...");
        Optional<JsonNode> call = sink.await(chosen.actionId(), WEBHOOK_WAIT);
        if (call.isEmpty()) {
            out.println("no webhook call arrived for action " + chosen.actionId() + " (" + sink.received().size()
                    + " other call(s) received)");
            return false;
        }
        out.println("webhook received at " + sink.url() + ":");
        out.println(pretty(call.get()));
        return true;
    }

    private List<Approval> awaitPending(Set<String> alertIds) throws InterruptedException {
        long deadline = System.nanoTime() + PENDING_WAIT.toNanos();
        while (true) {
            List<Approval> pending = governance.pendingApprovals().stream()
                    .filter(approval -> alertIds.contains(approval.alertId()))
                    .toList();
            if (!pending.isEmpty() || System.nanoTime() > deadline) {
                return pending;
            }
            Thread.sleep(500);
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JsonHttp.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
