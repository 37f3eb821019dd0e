package dev.watchfloor.cli.command;

import java.util.List;
import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.cli.render.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code watchfloor approvals [-o json]}: the actions waiting for a human decision. */
@Command(name = "approvals", mixinStandardHelpOptions = true, description = {"List the actions waiting for approval.",
        "",
        "Asks governance-service (WATCHFLOOR_GOVERNANCE_URL) for the pending approvals; with -o json, "
                + "prints them as a JSON array with every field."})
public final class ApprovalsCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    public ApprovalsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GovernanceClient governance = context.clients().governance();
        List<Approval> pending = governance.pendingApprovals();
        if (output.json()) {
            Json.print(context.out(), pending);
        } else if (pending.isEmpty()) {
            context.out().println("no pending approvals");
        } else {
            context.out().print(table(pending).render());
        }
        return 0;
    }

    public static Table table(List<Approval> approvals) {
        Table table = new Table("approval", "action", "target", "investigation", "requested", "expires");
        approvals.forEach(approval -> table.row(approval.id(), approval.actionType(), approval.target(),
                approval.investigationId(), approval.requestedAt(), approval.expiresAt()));
        return table;
    }
}
