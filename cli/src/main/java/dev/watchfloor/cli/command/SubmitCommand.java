package dev.watchfloor.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.Arguments;
import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.CommandException;
import dev.watchfloor.cli.api.IngestClient;
import dev.watchfloor.cli.api.IngestResult;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.api.ServiceUrls;

/**
 * {@code watchfloor submit FILE}: sends the file to ingest's {@code POST /v1/alerts} as it is (ingest quarantines what
 * it cannot parse) and prints one line per record. Exit 1 when any record was rejected.
 */
public final class SubmitCommand {

    private final CliContext context;

    public SubmitCommand(CliContext context) {
        this.context = context;
    }

    public int run(Arguments arguments) {
        Path file = Path.of(arguments.positional(0, "a FILE with alerts (a JSON object or array)"));
        byte[] body = read(file);
        IngestClient ingest = new IngestClient(ServiceUrls.fromEnvironment(context.env()).ingest());
        List<IngestResult> results = ingest.submitAlerts(body);
        List<String> titles = titles(body);
        for (IngestResult result : results) {
            String title = result.index() < titles.size() ? "  " + titles.get(result.index()) : "";
            String outcome = result.accepted() ? result.id() : result.reason();
            context.out().println("#" + result.index() + "  " + result.status() + "  " + outcome + title);
        }
        long rejected = results.stream().filter(result -> !result.accepted()).count();
        context.out().println(results.size() - rejected + " accepted, " + rejected + " rejected");
        return rejected == 0 ? 0 : 1;
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
