package dev.watchfloor.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.watchfloor.cli.api.ApiException;
import dev.watchfloor.cli.api.ServiceUnreachableException;
import dev.watchfloor.cli.command.ApprovalsCommand;
import dev.watchfloor.cli.command.BenchStartupCommand;
import dev.watchfloor.cli.command.DecisionCommand;
import dev.watchfloor.cli.command.SubmitCommand;
import dev.watchfloor.cli.command.UpCommand;
import dev.watchfloor.cli.demo.DemoCommand;
import dev.watchfloor.launcher.MeshStartException;

/** The {@code watchfloor} command: dispatches to one command and turns failures into a message and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // zonky logs through SLF4J; the CLI shows its own progress and keeps PostgreSQL's output in postgres.log
        defaultProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        defaultProperty("slf4j.internal.verbosity", "WARN");
        Map<String, String> env = System.getenv();
        CliContext context = new CliContext(System.out, System.err, env, ProjectRoot.locate(env));
        System.exit(run(context, args));
    }

    /** Runs one command line; returns the exit code (0 done, 1 failed, 2 usage error). */
    public static int run(CliContext context, String... args) {
        PrintStream err = context.err();
        try {
            Arguments arguments = Arguments.parse(args);
            return dispatch(context, arguments);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(Usage.TEXT);
            return 2;
        } catch (ApiException | ServiceUnreachableException | MeshStartException | CommandException
                | UncheckedIOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static int dispatch(CliContext context, Arguments arguments) {
        return switch (arguments.command()) {
            case "help" -> {
                context.out().print(Usage.TEXT);
                yield 0;
            }
            case "up" -> new UpCommand(context).run(arguments.expect(0));
            case "demo" -> new DemoCommand(context).run(arguments.expect(0));
            case "bench-startup" -> new BenchStartupCommand(context).run(arguments.expect(0, "runs"));
            case "submit" -> new SubmitCommand(context).run(arguments.expect(1));
            case "approvals" -> new ApprovalsCommand(context).run(arguments.expect(0));
            case "approve", "deny" -> new DecisionCommand(context).run(arguments.expect(1, "reason"));
            default -> throw new UsageException("unknown command: " + arguments.command());
        };
    }
}
