package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.cli.render.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code watchfloor accuracy}: how verdicts fared with analysts' feedback. */
@Command(name = "accuracy", mixinStandardHelpOptions = true, description = "Show how verdicts fared with analysts' feedback, per path, and the corrections.")
public final class AccuracyCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    public AccuracyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode report = context.clients().reasoning().accuracy();
        if (output.json()) {
            Json.print(context.out(), report);
            return 0;
        }
        context.out().printf("%d verdicts judged, %d agreed (%s)%n", report.path("judged").asLong(),
                report.path("agreed").asLong(), report.path("agreement").isNumber()
                        ? Math.round(report.path("agreement").asDouble() * 100) + "%"
                        : "no feedback yet");
        Table paths = new Table("path", "judged", "agreed");
        report.path("byPath").forEach(p -> paths.row(p.path("path").asText(), p.path("judged").asLong(),
                p.path("agreed").asLong()));
        Table corrections = new Table("judged", "correct", "count");
        report.path("corrections").forEach(c -> corrections.row(c.path("judged").asText(),
                c.path("correct").asText(), c.path("count").asLong()));
        if (!paths.isEmpty()) {
            context.out().print(paths.render());
        }
        if (!corrections.isEmpty()) {
            context.out().printf("corrections%n%s", corrections.render());
        }
        return 0;
    }
}
