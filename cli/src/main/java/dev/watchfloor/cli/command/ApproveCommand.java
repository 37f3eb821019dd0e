package dev.watchfloor.cli.command;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;

import picocli.CommandLine.Command;

/** {@code watchfloor approve ID [--reason TEXT]}. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending action (governance-service, WATCHFLOOR_GOVERNANCE_URL).")
public final class ApproveCommand extends DecisionCommand {

    public ApproveCommand(CliContext context) {
        super(context);
    }

    @Override
    Approval decide(GovernanceClient governance, String approvalId, String reason) {
        return governance.approve(approvalId, reason);
    }
}
