package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.cli.render.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchfloor costs [--from DATE] [--to DATE]}: model spend against the policy's budgets. */
@Command(name = "costs", mixinStandardHelpOptions = true, description = {
        "Show model usage and cost per day, department, route and step, and each department's budget.", "",
        "Dates are ISO (YYYY-MM-DD), --to exclusive; the default is this month so far."})
public final class CostsCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    @Option(names = "--from", paramLabel = "DATE", description = "first day (default: the first of this month)")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "day after the last (default: tomorrow)")
    private String to;

    public CostsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode report = context.clients().governance().costs(from, to);
        if (output.json()) {
            Json.print(context.out(), report);
            return 0;
        }
        Table budgets = new Table("department", "monthly USD", "spent", "reserved", "remaining", "tokens/day",
                "today", "remaining today");
        report.path("budgets").forEach(b -> budgets.row(b.path("department").asText(), b.path("monthlyUsd").asText(),
                b.path("spentUsd").asText(), b.path("reservedUsd").asText(), b.path("remainingUsd").asText(),
                b.path("dailyTokens").asLong(), b.path("tokensToday").asLong(),
                b.path("remainingTokensToday").asLong()));
        context.out().printf("budgets (%s)%n%s%n", report.path("policy").asText(), budgets.render());
        Table rows = new Table("day", "department", "route", "step", "calls", "input", "output", "USD");
        report.path("rows").forEach(r -> rows.row(r.path("day").asText(), r.path("department").asText(),
                r.path("route").asText(), r.path("step").asText(), r.path("calls").asLong(),
                r.path("inputTokens").asLong(), r.path("outputTokens").asLong(), r.path("costUsd").asText()));
        context.out().printf("usage %s .. %s (total %s USD)%n%s", report.path("from").asText(),
                report.path("to").asText(), report.path("totalUsd").asText(),
                rows.isEmpty() ? "no usage recorded" + System.lineSeparator() : rows.render());
        return 0;
    }
}
