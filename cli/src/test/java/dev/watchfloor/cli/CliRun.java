package dev.watchfloor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One run of the command line with its output captured: what a user would see on stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Path root, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, root);
        int code = Main.run(context, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The context a test hands to {@link Main#commandLine(CliContext)} when it only parses. */
    public static CliContext quietContext(Path root) {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new CliContext(nowhere, nowhere, Map.of(), root);
    }
}
