package dev.watchfloor.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine;

/** The {@code watchfloor} command line: builds the picocli command tree, runs one command, exits with its code. */
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

    /** Runs one command line; returns the exit code (0 done, 1 failed, 2 wrong command line). */
    public static int run(CliContext context, String... args) {
        CommandLine commandLine = commandLine(context);
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /**
     * The whole command tree, its commands created with {@code context}, printing to the context's streams. Every
     * command, nested ones included, answers {@code --version}.
     */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(WatchfloorCommand.class, new CommandFactory(context))
                .setOut(writer(context.out()))
                .setErr(writer(context.err()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new FailureHandler());
        shareVersion(commandLine, new VersionProvider());
        return commandLine;
    }

    private static void shareVersion(CommandLine command, VersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(subcommand -> shareVersion(subcommand, version));
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
