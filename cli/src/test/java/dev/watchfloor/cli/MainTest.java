package dev.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.watchfloor.launcher.Ports;

class MainTest {

    private static final String APPROVAL = """
            {"id":"ap-1","actionId":"act-9","investigationId":"inv-3","alertId":"al-2","actionType":"isolate_host",
             "target":"ws-042","state":"%s","parametersHash":"h","requestedAt":"2025-11-20T08:43:00Z",
             "expiresAt":"2025-11-20T09:43:00Z","decidedBy":%s,"decidedAt":null}""";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsUsage() {
        assertThat(run(Map.of(), "help")).isZero();
        assertThat(out()).startsWith("usage: watchfloor <command>").contains("WATCHFLOOR_DB_URL");
    }

    @Test
    void unknownCommandPrintsUsageOnStderrAndExits2() {
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("error: unknown command: frobnicate").contains("usage: watchfloor");
        assertThat(out()).isEmpty();
    }

    @Test
    void refusedConnectionTellsToRunUpFirst() {
        int closedPort = Ports.freePort();

        int code = run(Map.of("WATCHFLOOR_GOVERNANCE_URL", "http://127.0.0.1:" + closedPort), "approvals");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("cannot reach governance-service at http://127.0.0.1:" + closedPort)
                .contains("`watchfloor up`").contains("WATCHFLOOR_GOVERNANCE_URL");
    }

    @Test
    void problemJsonBecomesTitleAndDetail() throws Exception {
        String problem = """
                {"type":"https://watchfloor.dev/problems/not-found","title":"Approval not found","status":404,
                 "detail":"no pending approval ap-404"}""";
        try (FakeApi governance = new FakeApi("/v1/approvals", 404, "application/problem+json", problem)) {
            int code = run(Map.of("WATCHFLOOR_GOVERNANCE_URL", governance.url()), "approve", "ap-404");

            assertThat(code).isEqualTo(1);
            assertThat(err()).isEqualTo("error: Approval not found: no pending approval ap-404\n");
        }
    }

    @Test
    void denySendsTheDecisionWithItsReason() throws Exception {
        try (FakeApi governance = new FakeApi("/v1/approvals", 200, "application/json",
                APPROVAL.formatted("denied", "\"anonymous\""))) {
            int code = run(Map.of("WATCHFLOOR_GOVERNANCE_URL", governance.url()), "deny", "ap-1", "--reason", "known");

            assertThat(code).isZero();
            assertThat(governance.received).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.uri()).isEqualTo("/v1/approvals/ap-1/decision");
                assertThat(request.body()).isEqualTo("{\"decision\":\"deny\",\"reason\":\"known\"}");
            });
            assertThat(out()).contains("approval ap-1 for isolate_host ws-042: denied by anonymous");
        }
    }

    @Test
    void approvalsAreListedAsATable() throws Exception {
        String page = "{\"items\":[" + APPROVAL.formatted("pending", "null") + "]}";
        try (FakeApi governance = new FakeApi("/v1/approvals", 200, "application/json", page)) {
            assertThat(run(Map.of("WATCHFLOOR_GOVERNANCE_URL", governance.url()), "approvals")).isZero();

            assertThat(governance.received.get(0).uri()).isEqualTo("/v1/approvals?state=pending");
            assertThat(out()).contains("approval  action        target").contains("ap-1      isolate_host  ws-042");
        }
    }

    @Test
    void submitPostsTheFileAsJsonAndPrintsOneLinePerRecord() throws Exception {
        Path file = Files.writeString(dir.resolve("alerts.json"), "[{\"title\":\"first\"},{\"title\":\"second\"}]");
        String results = """
                {"results":[{"index":0,"status":"accepted","id":"id-0"},
                            {"index":1,"status":"rejected","reason":"missing time"}]}""";
        try (FakeApi ingest = new FakeApi("/v1/alerts", 202, "application/json", results)) {
            int code = run(Map.of("WATCHFLOOR_INGEST_URL", ingest.url() + "/"), "submit", file.toString());

            assertThat(code).as("a rejected record fails the command").isEqualTo(1);
            assertThat(ingest.received.get(0).contentType()).isEqualTo("application/json");
            assertThat(ingest.received.get(0).body()).isEqualTo(Files.readString(file));
            assertThat(out()).contains("#0  accepted  id-0  first").contains("#1  rejected  missing time  second")
                    .contains("1 accepted, 1 rejected");
        }
    }

    @Test
    void submitOfAMissingFileSaysSo() {
        assertThat(run(Map.of(), "submit", dir.resolve("nope.json").toString())).isEqualTo(1);
        assertThat(err()).contains("no such file");
    }

    @Test
    void benchStartupRefusesRunCountsOutsideOneToTwenty() {
        assertThat(run(Map.of(), "bench-startup", "--runs", "0")).isEqualTo(2);
        assertThat(run(Map.of(), "bench-startup", "--runs=21")).isEqualTo(2);
        assertThat(run(Map.of(), "bench-startup", "--runs", "five")).isEqualTo(2);
        assertThat(err()).contains("error: --runs must be a whole number from 1 to 20, got five");
        assertThat(out()).isEmpty();
    }

    @Test
    void benchStartupWithoutBuiltServicesFailsBeforeStartingAnything() {
        assertThat(run(Map.of(), "bench-startup", "--runs", "2")).isEqualTo(1);
        assertThat(out()).contains("2 run(s), embedded PostgreSQL").contains("run 1/2 ... failed")
                .doesNotContain("run 2/2");
        assertThat(err()).contains("quarkus-run.jar not found");
    }

    private int run(Map<String, String> env, String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, dir);
        return Main.run(context, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
