package dev.watchfloor.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.CommandException;
import dev.watchfloor.cli.api.IngestClient;
import dev.watchfloor.cli.api.IngestResult;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.render.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code watchfloor submit FILE [-o json]}: sends the file to ingest's {@code POST /v1/alerts} as it is (ingest
 * quarantines what it cannot parse) and prints one result per record. Exit 1 when any record was quarantined.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, description = {
        "Send alerts to ingest, one result per record.", "",
        "POSTs FILE as it is to ingest-service (WATCHFLOOR_INGEST_URL) and prints, per record, its index "
                + "and accepted + id or quarantined + reason; with -o json, a JSON array of "
                + "{index, status, id, reason}. Exit 1 if any record was quarantined."})
public final class SubmitCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE", description = "one alert (a JSON object) or an array of them")
    private Path file;

    @Mixin
    private OutputOption output;

    public SubmitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        byte[] body = read(file);
        IngestClient ingest = context.clients().ingest();
        List<IngestResult> results = ingest.submitAlerts(body);
        if (output.json()) {
            Json.print(context.out(), results);
        } else {
            printLines(results, titles(body));
        }
        return results.stream().allMatch(IngestResult::accepted) ? 0 : 1;
    }

    private void printLines(List<IngestResult> results, List<String> titles) {
        for (IngestResult result : results) {
            String title = result.index() < titles.size() ? "  " + titles.get(result.index()) : "";
            String outcome = result.accepted() ? result.id() : result.reason();
            context.out().println("#" + result.index() + "  " + result.status() + "  " + outcome + title);
        }
        long quarantined = results.stream().filter(result -> !result.accepted()).count();
        context.out().println(results.size() - quarantined + " accepted, " + quarantined + " quarantined");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code title} of each record, for display only; empty when the file is not JSON. */
    static List<String> titles(byte[] body) {
        List<String> titles = new ArrayList<>();
        try {
            JsonNode root = JsonHttp.MAPPER.readTree(body);
            Iterable<JsonNode> records = root.isArray() ? root : List.of(root);
            records.forEach(node -> titles.add(node.path("title").asText("")));
        } catch (IOException | RuntimeException notJson) {
            return List.of();
        }
        return titles;
    }
}
