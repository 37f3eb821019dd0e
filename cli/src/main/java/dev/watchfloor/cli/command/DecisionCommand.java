package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code approve} and {@code deny} share: {@code ID [--reason TEXT]}, the call, and the line printed. */
public abstract class DecisionCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "the approval's id (see `watchfloor approvals`)")
    private String approvalId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, recorded with the decision")
    private String reason;

    DecisionCommand(CliContext context) {
        this.context = context;
    }

    /** Sends this command's decision. */
    abstract Approval decide(GovernanceClient governance, String approvalId, String reason);

    @Override
    public Integer call() {
        GovernanceClient governance = context.clients().governance();
        context.out().println(describe(decide(governance, approvalId, reason)));
        return 0;
    }

    /** e.g. {@code approval 7f3c... for isolate_host ws-042: approved by analyst at 2025-...}. */
    public static String describe(Approval approval) {
        StringBuilder text = new StringBuilder("approval ").append(approval.id()).append(" for ")
                .append(approval.actionType()).append(' ').append(approval.target()).append(": ")
                .append(approval.state());
        if (approval.decidedBy() != null) {
            text.append(" by ").append(approval.decidedBy());
        }
        if (approval.decidedAt() != null) {
            text.append(" at ").append(approval.decidedAt());
        }
        return text.toString();
    }
}
