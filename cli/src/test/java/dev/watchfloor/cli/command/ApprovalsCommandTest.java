package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.cli.FakeApi;

class ApprovalsCommandTest {

    static final String APPROVAL = """
            {"id":"ap-1","actionId":"act-9","investigationId":"inv-3","alertId":"al-2","actionType":"isolate_host",
             "target":"ws-042","state":"%s","parametersHash":"h","requestedAt":"2025-11-20T08:43:00Z",
             "expiresAt":"2025-11-20T09:43:00Z","decidedBy":%s,"decidedAt":null}""";
    private static final String PAGE = "{\"items\":[" + APPROVAL.formatted("pending", "null") + "]}";

    @TempDir
    Path dir;

    @Test
    void listsPendingApprovalsAsATable() throws Exception {
        try (FakeApi governance = governance(PAGE)) {
            CliRun run = approvals(governance);

            assertThat(run.exitCode()).isZero();
            assertThat(governance.received.get(0).uri()).isEqualTo("/v1/approvals?state=pending");
            assertThat(run.out()).contains("approval  action        target").contains("ap-1      isolate_host  ws-042");
        }
    }

    @Test
    void saysSoWhenNothingIsPending() throws Exception {
        try (FakeApi governance = governance("{\"items\":[]}")) {
            assertThat(approvals(governance).out()).isEqualTo("no pending approvals\n");
        }
    }

    @Test
    void outputJsonIsAnArrayOfApprovalsWithEveryField() throws Exception {
        try (FakeApi governance = governance(PAGE)) {
            for (String flag : new String[]{"-o", "--output"}) {
                CliRun run = approvals(governance, flag, "json");

                assertThat(run.exitCode()).isZero();
                JsonNode json = new ObjectMapper().readTree(run.out());
                assertThat(json.isArray()).isTrue();
                assertThat(json).singleElement().satisfies(approval -> {
                    assertThat(approval.path("id").asText()).isEqualTo("ap-1");
                    assertThat(approval.path("actionType").asText()).isEqualTo("isolate_host");
                    assertThat(approval.path("target").asText()).isEqualTo("ws-042");
                    assertThat(approval.path("investigationId").asText()).isEqualTo("inv-3");
                    assertThat(approval.path("state").asText()).isEqualTo("pending");
                    assertThat(approval.path("expiresAt").asText()).isEqualTo("2025-11-20T09:43:00Z");
                    assertThat(approval.has("decidedBy")).isTrue();
                });
            }
        }
    }

    @Test
    void outputJsonOfNothingPendingIsAnEmptyArray() throws Exception {
        try (FakeApi governance = governance("{\"items\":[]}")) {
            CliRun run = approvals(governance, "-o", "json");

            assertThat(new ObjectMapper().readTree(run.out()).isArray()).isTrue();
            assertThat(new ObjectMapper().readTree(run.out())).isEmpty();
        }
    }

    @Test
    void outputTableIsTheDefault() throws Exception {
        try (FakeApi governance = governance(PAGE)) {
            assertThat(approvals(governance, "--output=table").out()).isEqualTo(approvals(governance).out());
        }
    }

    private static FakeApi governance(String page) throws Exception {
        return new FakeApi("/v1/approvals", 200, "application/json", page);
    }

    private CliRun approvals(FakeApi governance, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "approvals";
        System.arraycopy(options, 0, args, 1, options.length);
        return CliRun.of(dir, Map.of("WATCHFLOOR_TOKEN", "test-token", "WATCHFLOOR_GOVERNANCE_URL", governance.url()),
                args);
    }
}
