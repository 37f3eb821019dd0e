package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.cli.FakeApi;

/** {@code approve} and {@code deny}. */
class DecisionCommandTest {

    @TempDir
    Path dir;

    @Test
    void denySendsTheDecisionWithItsReason() throws Exception {
        try (FakeApi governance = governance("denied", "\"anonymous\"")) {
            CliRun run = CliRun.of(dir, env(governance), "deny", "ap-1", "--reason", "known");

            assertThat(run.exitCode()).isZero();
            assertThat(governance.received).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.uri()).isEqualTo("/v1/approvals/ap-1/decision");
                assertThat(request.body()).isEqualTo("{\"decision\":\"deny\",\"reason\":\"known\"}");
            });
            assertThat(run.out()).isEqualTo("approval ap-1 for isolate_host ws-042: denied by anonymous\n");
        }
    }

    @Test
    void approveTakesTheReasonBeforeOrAfterTheIdAndWithEquals() throws Exception {
        try (FakeApi governance = governance("approved", "\"analyst\"")) {
            assertThat(CliRun.of(dir, env(governance), "approve", "--reason=contained", "ap-1").exitCode()).isZero();
            assertThat(CliRun.of(dir, env(governance), "approve", "ap-1").exitCode()).isZero();

            assertThat(governance.received).extracting(FakeApi.Received::body).containsExactly(
                    "{\"decision\":\"approve\",\"reason\":\"contained\"}", "{\"decision\":\"approve\"}");
        }
    }

    @Test
    void idIsSentEncoded() throws Exception {
        try (FakeApi governance = governance("approved", "null")) {
            CliRun.of(dir, env(governance), "approve", "a b/c");

            assertThat(governance.received.get(0).uri()).isEqualTo("/v1/approvals/a%20b%2Fc/decision");
        }
    }

    private static FakeApi governance(String state, String decidedBy) throws Exception {
        return new FakeApi("/v1/approvals", 200, "application/json",
                ApprovalsCommandTest.APPROVAL.formatted(state, decidedBy));
    }

    private static Map<String, String> env(FakeApi governance) {
        return Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_GOVERNANCE_URL", governance.url());
    }
}
