package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.cli.FakeApi;

class SubmitCommandTest {

    private static final String RESULTS = """
            {"results":[{"index":0,"status":"accepted","id":"id-0"},
                        {"index":1,"status":"quarantined","reason":"truncated JSON"}]}""";

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeAlerts() throws Exception {
        file = Files.writeString(dir.resolve("alerts.json"), "[{\"title\":\"first\"},{\"title\":\"second\"}]");
    }

    @Test
    void postsTheFileAsJsonAndPrintsOneLinePerRecord() throws Exception {
        try (FakeApi ingest = ingest()) {
            CliRun run = CliRun.of(dir, env(ingest), "submit", file.toString());

            assertThat(run.exitCode()).as("a quarantined record fails the command").isEqualTo(1);
            assertThat(ingest.received.get(0).contentType()).isEqualTo("application/json");
            assertThat(ingest.received.get(0).body()).isEqualTo(Files.readString(file));
            assertThat(run.out()).isEqualTo("""
                    #0  accepted  id-0  first
                    #1  quarantined  truncated JSON  second
                    1 accepted, 1 quarantined
                    """);
        }
    }

    @Test
    void outputJsonIsAnArrayOfPerRecordResults() throws Exception {
        try (FakeApi ingest = ingest()) {
            CliRun run = CliRun.of(dir, env(ingest), "submit", "-o", "json", file.toString());

            assertThat(run.exitCode()).as("still fails when a record was quarantined").isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.isArray()).isTrue();
            assertThat(json).hasSize(2);
            assertThat(json.get(0).path("index").asInt(-1)).isZero();
            assertThat(json.get(0).path("status").asText()).isEqualTo("accepted");
            assertThat(json.get(0).path("id").asText()).isEqualTo("id-0");
            assertThat(json.get(1).path("index").asInt()).isEqualTo(1);
            assertThat(json.get(1).path("status").asText()).isEqualTo("quarantined");
            assertThat(json.get(1).path("reason").asText()).isEqualTo("truncated JSON");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void aMissingFileSaysSo() {
        CliRun run = CliRun.of(dir, Map.of(), "submit", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: no such file: " + dir.resolve("nope.json") + "\n");
    }

    private static FakeApi ingest() throws Exception {
        return new FakeApi("/v1/alerts", 202, "application/json", RESULTS);
    }

    private static Map<String, String> env(FakeApi ingest) {
        return Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_INGEST_URL", ingest.url() + "/");
    }
}
