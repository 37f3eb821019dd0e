package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code watchfloor rerun ID}: queue a completed or failed investigation again. */
@Command(name = "rerun", mixinStandardHelpOptions = true, description = "Run a completed or failed investigation again.")
public final class RerunCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    @Parameters(paramLabel = "ID", description = "the investigation id")
    private String id;

    public RerunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode queued = context.clients().reasoning().rerun(id);
        if (output.json()) {
            Json.print(context.out(), queued);
        } else {
            context.out().printf("investigation %s queued again (was %s)%n", id,
                    queued.path("previousStatus").asText());
        }
        return 0;
    }
}
