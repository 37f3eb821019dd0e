package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.cli.FakeApi;

class PolicyCommandTest {

    private static final String YAML = "apiVersion: watchfloor.dev/policy/v1\nname: strict # the SOC's own\n";
    private static final String VIEW = """
            {"version":3,"name":"strict","author":"admin","createdAt":"2026-11-27T10:00:00Z","sha256":"%s",
             "document":"apiVersion: watchfloor.dev/policy/v1\\nname: strict\\n"}""".formatted("ab".repeat(32));
    private static final String REJECTED = """
            {"type":"https://watchfloor.dev/problems/policy-invalid","title":"Policy document invalid","status":400,
             "detail":"2 problems in the policy document","violations":[
              {"line":7,"column":17,"path":"/actions/rules/0/decision","rule":"enum","message":"must be one of allow, require_approval, deny"},
              {"line":12,"column":3,"path":"/budgets","rule":"required","message":"departments is required"}]}""";

    @TempDir
    Path dir;

    @Test
    void getPrintsTheDocumentExactlyAsWrittenAskingForYaml() throws Exception {
        try (FakeApi governance = new FakeApi("/v1/policies", 200, "application/yaml", YAML)) {
            CliRun run = run(governance, "policy", "get");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(YAML);
            assertThat(governance.received.get(0).method()).isEqualTo("GET");
        }
    }

    @Test
    void setPutsTheFileAsYamlAndPrintsTheNewVersion() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), YAML);
        try (FakeApi governance = new FakeApi("/v1/policies", 200, "application/json", VIEW)) {
            CliRun run = run(governance, "policy", "set", file.toString());

            assertThat(run.exitCode()).isZero();
            assertThat(governance.received.get(0).method()).isEqualTo("PUT");
            assertThat(governance.received.get(0).contentType()).startsWith("application/yaml");
            assertThat(governance.received.get(0).body()).isEqualTo(YAML);
            assertThat(run.out()).contains("policy strict v3 is active");
        }
    }

    @Test
    void aRejectedDocumentExitsOneWithEveryViolationsLineColumnAndRule() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), YAML);
        try (FakeApi governance = new FakeApi("/v1/policies", 400, "application/problem+json", REJECTED)) {
            CliRun run = run(governance, "policy", "set", file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("line 7, column 17 (enum) /actions/rules/0/decision: must be one of")
                    .contains("line 12, column 3 (required) /budgets: departments is required");
        }
    }

    @Test
    void aMissingFileIsSaidPlainly() throws Exception {
        try (FakeApi governance = new FakeApi("/v1/policies", 200, "application/json", VIEW)) {
            CliRun run = run(governance, "policy", "set", dir.resolve("nope.yaml").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("cannot read").contains("nope.yaml");
            assertThat(governance.received).isEmpty();
        }
    }

    @Test
    void diffAsksForTheTwoVersionsAndPrintsTheDiff() throws Exception {
        String diff = "--- v1\n+++ v2\n@@ -1,1 +1,1 @@\n-a\n+b\n";
        try (FakeApi governance = new FakeApi("/v1/policies/diff", 200, "text/plain", diff)) {
            CliRun run = run(governance, "policy", "diff", "1", "2");

            assertThat(governance.received.get(0).uri()).isEqualTo("/v1/policies/diff?from=1&to=2");
            assertThat(run.out()).isEqualTo(diff);
        }
    }

    @Test
    void costsShowsBudgetsAndUsageRows() throws Exception {
        String report = """
                {"tenant":"acme","policy":"default@v0","from":"2026-11-01","to":"2026-11-28","totalUsd":0.0123,
                 "budgets":[{"department":"soc","monthlyUsd":200,"spentUsd":0.0123,"reservedUsd":0.001,
                   "remainingUsd":199.9867,"dailyTokens":2000000,"tokensToday":4048,"reservedTokens":2024,
                   "remainingTokensToday":1993928}],
                 "rows":[{"day":"2026-11-27","department":"soc","route":"hosted-small","step":"investigate","calls":2,
                   "inputTokens":2000,"outputTokens":2048,"costUsd":0.0123}]}""";
        try (FakeApi governance = new FakeApi("/v1/costs", 200, "application/json", report)) {
            CliRun run = run(governance, "costs", "--from", "2026-11-01");

            assertThat(run.exitCode()).isZero();
            assertThat(governance.received.get(0).uri()).isEqualTo("/v1/costs?from=2026-11-01");
            assertThat(run.out()).contains("budgets (default@v0)").contains("soc").contains("199.9867")
                    .contains("hosted-small").contains("total 0.0123 USD");
        }
    }

    private CliRun run(FakeApi governance, String... args) {
        return CliRun.of(dir, Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_GOVERNANCE_URL", governance.url()),
                args);
    }
}
