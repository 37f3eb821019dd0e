package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.cli.render.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchfloor investigations [--status S] [--alert ID] [--limit N]}: the tenant's investigations. */
@Command(name = "investigations", mixinStandardHelpOptions = true, description = {
        "List the tenant's investigations, newest first.", "",
        "`watchfloor show ID` shows one in full; `watchfloor accuracy` how verdicts fared with analysts."})
public final class InvestigationsCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    @Option(names = "--status", paramLabel = "STATUS", description = "queued, running, completed or failed")
    private String status;

    @Option(names = "--alert", paramLabel = "ID", description = "only the investigation of this alert")
    private String alertId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N (1..1000, default 50)")
    private int limit;

    public InvestigationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode page = context.clients().reasoning().list(status, alertId, limit);
        if (output.json()) {
            Json.print(context.out(), page.path("items"));
            return 0;
        }
        Table table = new Table("id", "alert", "status", "verdict", "severity", "confidence", "created", "title");
        page.path("items").forEach(i -> table.row(i.path("id").asText(), i.path("alertId").asText(),
                i.path("status").asText(), i.path("verdict").asText("-"), i.path("severity").asText("-"),
                i.path("confidence").isNumber() ? i.path("confidence").asText() : "-", i.path("createdAt").asText(),
                i.path("title").asText()));
        context.out().print(table.isEmpty() ? "no investigations" + System.lineSeparator() : table.render());
        return 0;
    }
}
