package dev.watchfloor.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What every command gets: where to print, the environment, and the project root. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path root) {

    public CliContext {
        env = Map.copyOf(env);
    }
}
