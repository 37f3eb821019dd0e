package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.cli.FakeApi;

class InvestigationCommandsTest {

    private static final String VIEW = """
            {"id":"inv-1","alertId":"al-1","title":"Credential dumping","status":"completed","verdict":"needs_review",
             "severity":"critical","confidence":0.9,"attempts":1,"traceId":"abc","path":"model",
             "pathReason":"route hosted-small (openai:gpt-4o-mini)","route":"hosted-small","model":"gpt-4o-mini",
             "promptVersion":"investigate-v1","modelCall":{"policy":"default@v0","classification":"internal",
             "budget":"reserved","redactions":{}},"summary":"Dumping on ws-042","techniques":["T1003"],
             "evidence":[{"id":"ev-1","kind":"alert","summary":"mimikatz","relevance":1.0}],
             "findings":[{"statement":"mimikatz ran on ws-042","evidenceIds":["ev-1"]}],
             "verification":[{"check":"convergence","outcome":"failed","problems":["verdicts over 3 runs: malicious (0.9), benign (0.8), malicious (0.9); agreement 0.667, below 0.75"]}],
             "steps":[{"name":"model","status":"ok","latencyMs":2100,"costUsd":0.0012}],
             "modelCalls":[{"label":"run-1","model":"gpt-4o-mini","inputTokens":1200,"outputTokens":300,
               "costUsd":0.0004,"latencyMs":700,"outcome":"ok"}],
             "costUsd":0.0012,"actions":[],"feedback":{"verdict":"malicious","agreed":false,"by":"ann","at":"2026-11-27T10:00:00Z"}}""";

    @TempDir
    Path dir;

    @Test
    void showPrintsTheAssessmentItsPathVerificationStepsAndModelCalls() throws Exception {
        try (FakeApi reasoning = new FakeApi("/v1/investigations/inv-1", 200, "application/json", VIEW)) {
            CliRun run = run(reasoning, "show", "inv-1");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("verdict:    needs_review, severity critical, confidence 0.9")
                    .contains("path:       model (route hosted-small (openai:gpt-4o-mini))")
                    .contains("convergence").contains("agreement").contains("0.667, below 0.75")
                    .contains("run-1").contains("1200").contains("0.0004").doesNotContain("E-4")
                    .contains("corrected to malicious by ann");
        }
    }

    @Test
    void showPrintsTheAlertsGroupWithItsCountSpanKeysAndListedMembers() throws Exception {
        String grouped = VIEW.replace("\"title\":\"Credential dumping\",", "\"title\":\"Credential dumping\","
                + "\"group\":{\"id\":\"g-1\",\"leaderAlertId\":\"al-1\",\"members\":38,"
                + "\"firstSeen\":\"2026-11-27T10:00:00Z\",\"lastSeen\":\"2026-11-27T10:37:00Z\","
                + "\"keys\":[\"source:edr\",\"detection:Mimikatz\",\"host:ws-042\"],"
                + "\"memberAlertIds\":[\"al-1\",\"al-2\"],\"open\":true},");
        try (FakeApi reasoning = new FakeApi("/v1/investigations/inv-1", 200, "application/json", grouped)) {
            CliRun run = run(reasoning, "show", "inv-1");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("group:      38 alerts (37 near duplicates attached) from "
                    + "2026-11-27T10:00:00Z to 2026-11-27T10:37:00Z, still open; grouped by source:edr, "
                    + "detection:Mimikatz, host:ws-042")
                    .contains("members:    al-1, al-2 (2 of 38 listed)");
        }
    }

    @Test
    void showAsJsonPrintsTheViewForScripts() throws Exception {
        try (FakeApi reasoning = new FakeApi("/v1/investigations/inv-1", 200, "application/json", VIEW)) {
            CliRun run = run(reasoning, "show", "inv-1", "-o", "json");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("\"promptVersion\" : \"investigate-v1\"");
        }
    }

    @Test
    void investigationsPassesTheFiltersAndListsThem() throws Exception {
        String page = """
                {"items":[{"id":"inv-1","alertId":"al-1","title":"t","status":"completed","verdict":"malicious",
                 "severity":"high","confidence":0.8,"createdAt":"2026-11-27T10:00:00Z"}]}""";
        try (FakeApi reasoning = new FakeApi("/v1/investigations", 200, "application/json", page)) {
            CliRun run = run(reasoning, "investigations", "--status", "completed", "--limit", "5");

            assertThat(run.exitCode()).isZero();
            assertThat(reasoning.received.get(0).uri()).contains("limit=5").contains("status=completed");
            assertThat(run.out()).contains("inv-1").contains("malicious");
        }
    }

    @Test
    void feedbackSendsTheCorrectVerdictOrAgreement() throws Exception {
        String recorded = """
                {"investigationId":"inv-1","judgedVerdict":"malicious","correctVerdict":"benign","agreed":false}""";
        try (FakeApi reasoning = new FakeApi("/v1/investigations/inv-1/feedback", 200, "application/json",
                recorded)) {
            CliRun run = run(reasoning, "feedback", "inv-1", "--verdict", "benign", "--comment", "admin test");

            assertThat(run.exitCode()).isZero();
            assertThat(reasoning.received.get(0).body()).contains("\"verdict\":\"benign\"")
                    .contains("\"comment\":\"admin test\"");
            assertThat(run.out()).contains("judged malicious, correct benign (corrected)");
        }
    }

    @Test
    void feedbackNeedsExactlyOneOfAgreeAndVerdict() throws Exception {
        try (FakeApi reasoning = new FakeApi("/v1/investigations/inv-1/feedback", 200, "application/json", "{}")) {
            assertThat(run(reasoning, "feedback", "inv-1").exitCode()).isEqualTo(2);
            assertThat(run(reasoning, "feedback", "inv-1", "--agree", "--verdict", "benign").exitCode())
                    .isEqualTo(2);
            assertThat(reasoning.received).isEmpty();
        }
    }

    private CliRun run(FakeApi reasoning, String... args) {
        return CliRun.of(dir, Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_REASONING_URL", reasoning.url()),
                args);
    }
}
