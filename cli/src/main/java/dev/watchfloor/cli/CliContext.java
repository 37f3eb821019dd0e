package dev.watchfloor.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import dev.watchfloor.cli.api.ServiceClients;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.api.TokenSource;

/** What every command gets: where to print, the environment, and the project root. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path root) {

    public CliContext {
        env = Map.copyOf(env);
    }

    /** The service URLs from the environment, and the caller's token ({@link TokenSource#fromEnvironment}). */
    public ServiceClients clients() {
        ServiceUrls urls = ServiceUrls.fromEnvironment(env);
        return ServiceClients.of(urls, TokenSource.fromEnvironment(env, root, urls.governance()));
    }
}
