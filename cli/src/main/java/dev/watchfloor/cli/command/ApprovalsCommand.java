package dev.watchfloor.cli.command;

import java.util.List;

import dev.watchfloor.cli.Arguments;
import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.render.Table;

/** {@code watchfloor approvals}: the actions waiting for a human decision. */
public final class ApprovalsCommand {

    private final CliContext context;

    public ApprovalsCommand(CliContext context) {
        this.context = context;
    }

    public int run(Arguments arguments) {
        GovernanceClient governance = new GovernanceClient(ServiceUrls.fromEnvironment(context.env()).governance());
        List<Approval> pending = governance.pendingApprovals();
        if (pending.isEmpty()) {
            context.out().println("no pending approvals");
            return 0;
        }
        context.out().print(table(pending).render());
        return 0;
    }

    public static Table table(List<Approval> approvals) {
        Table table = new Table("approval", "action", "target", "investigation", "requested", "expires");
        approvals.forEach(approval -> table.row(approval.id(), approval.actionType(), approval.target(),
                approval.investigationId(), approval.requestedAt(), approval.expiresAt()));
        return table;
    }
}
