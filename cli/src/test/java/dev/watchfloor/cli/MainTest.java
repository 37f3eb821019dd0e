package dev.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.watchfloor.launcher.Ports;

import picocli.CommandLine;

/** The command line as a whole: help, version, usage errors (exit 2) and failures (exit 1). */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void noCommandOrHelpPrintsTheUsageWithEveryCommandTheEnvironmentAndTheExitCodes() {
        for (CliRun run : List.of(run(), run("help"), run("--help"))) {
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: watchfloor [-hV] [COMMAND]")
                    .contains("submit", "approvals", "approve", "deny", "bench-startup", "demo", "up")
                    .contains("WATCHFLOOR_DB_URL").contains("2   wrong command line");
            assertThat(run.err()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasItsOwnHelp(String command) {
        CliRun run = run(Stream.concat(Stream.of(command.split(" ")), Stream.of("--help")).toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: watchfloor " + command).contains("-h, --help");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpCommandShowsAnotherCommandsHelp() {
        CliRun run = run("help", "deny");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: watchfloor deny").contains("--reason=TEXT").contains("ID");
    }

    @Test
    void versionIsTheProjectVersion() {
        for (CliRun run : List.of(run("--version"), run("-V"), run("approvals", "--version"))) {
            assertThat(run.exitCode()).isZero();
            assertThat(run.out().strip()).matches("watchfloor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void unknownCommandIsAUsageErrorWithTheUsageOnStderr() {
        CliRun run = run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Unmatched argument at index 0: 'frobnicate'")
                .contains("Usage: watchfloor [-hV] [COMMAND]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void mistypedCommandGetsASuggestion() {
        CliRun run = run("aprove", "ap-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Did you mean").contains("approve");
    }

    @Test
    void unknownOptionMissingArgumentAndExtraArgumentAreUsageErrorsOfThatCommand() {
        CliRun unknownOption = run("up", "--verbose");
        CliRun missingId = run("approve");
        CliRun missingValue = run("deny", "ap-1", "--reason");
        CliRun extra = run("approvals", "extra");

        assertThat(List.of(unknownOption, missingId, missingValue, extra)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
        });
        assertThat(unknownOption.err()).startsWith("error: Unknown option: '--verbose'")
                .contains("Usage: watchfloor up");
        assertThat(missingId.err()).startsWith("error: Missing required parameter: 'ID'")
                .contains("Usage: watchfloor approve");
        assertThat(missingValue.err()).startsWith("error: Missing required parameter for option '--reason'");
        assertThat(extra.err()).startsWith("error: Unmatched argument at index 1: 'extra'")
                .contains("Usage: watchfloor approvals");
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        CliRun run = run("approvals", "-o", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output").contains("yaml").contains("TABLE, JSON");
    }

    @Test
    void refusedConnectionTellsToRunUpFirst() {
        int closedPort = Ports.freePort();

        CliRun run = run(
                Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_GOVERNANCE_URL", "http://127.0.0.1:" + closedPort),
                "approvals");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: cannot reach governance-service at http://127.0.0.1:" + closedPort)
                .contains("`watchfloor up`").contains("WATCHFLOOR_GOVERNANCE_URL");
    }

    @Test
    void problemJsonBecomesTitleAndDetail() throws Exception {
        String problem = """
                {"type":"https://watchfloor.dev/problems/not-found","title":"Approval not found","status":404,
                 "detail":"no pending approval ap-404"}""";
        try (FakeApi governance = new FakeApi("/v1/approvals", 404, "application/problem+json", problem)) {
            CliRun run = run(Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_GOVERNANCE_URL", governance.url()),
                    "approve", "ap-404");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("error: Approval not found: no pending approval ap-404\n");
        }
    }

    @Test
    void badServiceUrlIsAFailureWithTheVariableNamed() {
        CliRun run = run(Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_GOVERNANCE_URL", "ftp://example"),
                "approvals");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("error: WATCHFLOOR_GOVERNANCE_URL must be an http(s) URL, got: ftp://example\n");
    }

    @Test
    void meshThatCannotStartIsAFailureWithTheReason() {
        CliRun run = run("bench-startup", "--runs", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("2 run(s), embedded PostgreSQL").contains("run 1/2 ... failed")
                .doesNotContain("run 2/2");
        assertThat(run.err()).startsWith("error: ").contains("quarkus-run.jar not found");
    }

    /** Every command in the tree, nested ones as {@code "group sub"}, so a new command gets its help test too. */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Main.commandLine(CliRun.quietContext(Path.of("."))), "", names);
        return names.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> names) {
        command.getSubcommands().forEach((name, sub) -> {
            names.add(prefix + name);
            collect(sub, prefix + name + " ", names);
        });
    }

    private CliRun run(String... args) {
        return run(Map.of(), args);
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(dir, env, args);
    }
}
