package dev.watchfloor.cli.command;

import dev.watchfloor.cli.Arguments;
import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;
import dev.watchfloor.cli.api.ServiceUrls;

/** {@code watchfloor approve ID} and {@code watchfloor deny ID [--reason TEXT]}. */
public final class DecisionCommand {

    private final CliContext context;

    public DecisionCommand(CliContext context) {
        this.context = context;
    }

    public int run(Arguments arguments) {
        String id = arguments.positional(0, "the approval ID (see `watchfloor approvals`)");
        String reason = arguments.option("reason").orElse(null);
        GovernanceClient governance = new GovernanceClient(ServiceUrls.fromEnvironment(context.env()).governance());
        boolean approve = arguments.command().equals("approve");
        Approval decided = approve ? governance.approve(id, reason) : governance.deny(id, reason);
        context.out().println(describe(decided));
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
