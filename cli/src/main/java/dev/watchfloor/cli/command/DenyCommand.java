package dev.watchfloor.cli.command;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Approval;
import dev.watchfloor.cli.api.GovernanceClient;

import picocli.CommandLine.Command;

/** {@code watchfloor deny ID [--reason TEXT]}. */
@Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a pending action (governance-service, WATCHFLOOR_GOVERNANCE_URL).")
public final class DenyCommand extends DecisionCommand {

    public DenyCommand(CliContext context) {
        super(context);
    }

    @Override
    Approval decide(GovernanceClient governance, String approvalId, String reason) {
        return governance.deny(approvalId, reason);
    }
}
