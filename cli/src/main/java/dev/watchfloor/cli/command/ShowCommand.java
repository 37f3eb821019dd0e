package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.InvestigationText;
import dev.watchfloor.cli.render.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code watchfloor show ID}: one investigation in full. */
@Command(name = "show", mixinStandardHelpOptions = true, description = {
        "Show one investigation: the assessment, which path produced it, every verification step, the evidence,",
        "each step's latency and cost, the model calls, the actions and their state, and analyst feedback."})
public final class ShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    @Parameters(paramLabel = "ID", description = "the investigation id")
    private String id;

    public ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode view = context.clients().reasoning().detail(id);
        if (output.json()) {
            Json.print(context.out(), view);
        } else {
            context.out().print(InvestigationText.render(view));
        }
        return 0;
    }
}
