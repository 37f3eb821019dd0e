package dev.watchfloor.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import dev.watchfloor.cli.api.ApiException;
import dev.watchfloor.cli.api.ServiceUnreachableException;
import dev.watchfloor.launcher.MeshStartException;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A command failed: the failures a user can act on (a service's problem+json, an unreachable service, a mesh that did
 * not start, a missing file, a bad setting) print as {@code error: <message>}; anything else is a bug and prints its
 * stack trace. Exit 1 either way.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (expected(e)) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: unexpected failure: " + e);
            e.printStackTrace(err);
        }
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    private static boolean expected(Exception e) {
        return e instanceof ApiException || e instanceof ServiceUnreachableException
                || e instanceof MeshStartException || e instanceof CommandException
                || e instanceof UncheckedIOException || e instanceof IllegalArgumentException;
    }
}
