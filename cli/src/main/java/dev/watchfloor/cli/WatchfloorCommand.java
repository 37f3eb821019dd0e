package dev.watchfloor.cli;

import dev.watchfloor.cli.command.AccuracyCommand;
import dev.watchfloor.cli.command.ApprovalsCommand;
import dev.watchfloor.cli.command.ApproveCommand;
import dev.watchfloor.cli.command.AuditCommand;
import dev.watchfloor.cli.command.BenchStartupCommand;
import dev.watchfloor.cli.command.CommandGroup;
import dev.watchfloor.cli.command.CostsCommand;
import dev.watchfloor.cli.command.DenyCommand;
import dev.watchfloor.cli.command.FeedbackCommand;
import dev.watchfloor.cli.command.InvestigationsCommand;
import dev.watchfloor.cli.command.PolicyCommand;
import dev.watchfloor.cli.command.RerunCommand;
import dev.watchfloor.cli.command.ShowCommand;
import dev.watchfloor.cli.command.SubmitCommand;
import dev.watchfloor.cli.command.TenantCommand;
import dev.watchfloor.cli.command.TokenCommand;
import dev.watchfloor.cli.command.UpCommand;
import dev.watchfloor.cli.demo.BenchInvestigationsCommand;
import dev.watchfloor.cli.demo.DemoCommand;
import dev.watchfloor.cli.ingest.BenchIngestCommand;
import dev.watchfloor.cli.ingest.CrashIngestCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code watchfloor}: the top of the command tree. A new command is one {@code @Command} class (a constructor taking
 * {@link CliContext} when it needs one) listed in {@code subcommands} here, or in its group's {@code @Command} for a
 * nested one; without a subcommand it prints the usage.
 */
@Command(name = "watchfloor", mixinStandardHelpOptions = true, description = "Runs the local Watchfloor mesh and the demo, submits alerts, shows and judges investigations, and decides approvals.", subcommands = {
        UpCommand.class, DemoCommand.class, BenchStartupCommand.class, BenchInvestigationsCommand.class,
        BenchIngestCommand.class,
        CrashIngestCommand.class,
        SubmitCommand.class,
        ApprovalsCommand.class, ApproveCommand.class, DenyCommand.class, TokenCommand.class,
        TenantCommand.class, AuditCommand.class, PolicyCommand.class, CostsCommand.class,
        InvestigationsCommand.class, ShowCommand.class, FeedbackCommand.class, RerunCommand.class,
        AccuracyCommand.class, HelpCommand.class}, exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done",
                "1:failed",
                "2:wrong command line"}, footerHeading = "%nEnvironment:%n", footer = {
                        "  WATCHFLOOR_DB_URL          postgresql://user:pass@host:port/db for up, demo,",
                        "                             bench-startup (default: embedded, fresh each start)",
                        "  WATCHFLOOR_MODEL_URL       an OpenAI-compatible base URL for up and demo: the default",
                        "                             model route (also WATCHFLOOR_MODEL_NAME, _API_KEY)",
                        "  WATCHFLOOR_INGEST_URL      default http://127.0.0.1:8081",
                        "  WATCHFLOOR_REASONING_URL   default http://127.0.0.1:8083",
                        "  WATCHFLOOR_GOVERNANCE_URL  default http://127.0.0.1:8085",
                        "  WATCHFLOOR_TOKEN           a bearer token to use as it is (any trusted issuer)",
                        "  WATCHFLOOR_CLIENT_ID/_SECRET  client credentials exchanged at governance (default:",
                        "                             the local mesh's platform admin, .watchfloor/credentials.json)",
                        "  WATCHFLOOR_HOME            checkout holding the built services",
                        "                             (default: the one holding the CLI)",
                        "",
                        "`watchfloor COMMAND --help` shows one command's arguments."})
public final class WatchfloorCommand extends CommandGroup {
}
