package dev.watchfloor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.watchfloor.launcher.ServiceProcess;
import dev.watchfloor.launcher.ServiceSpec;

@ExtendWith(Mesh.class)
class CrashRecoveryTest {

    private static final int ALERTS = 24;

    @Test
    void queuedInvestigationsCompleteExactlyOnceAfterReasoningIsKilled() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            alerts.add(Map.of("title", "Suspicious login " + batch + "-" + i, "severity", "high", "user",
                    "user-" + batch + "-" + i, "src_ip", "203.0.113." + (i + 1)));
        }
        List<String> ids = Api.postAlerts(alerts);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> countByStatus(ids).getOrDefault("completed", 0) >= 1);

        ServiceProcess reasoning = Mesh.get().service(ServiceSpec.REASONING);
        reasoning.kill();
        Map<String, Integer> atKill = countByStatus(ids);
        assertThat(reasoning.isAlive()).isFalse();
        assertThat(atKill.getOrDefault("queued", 0) + atKill.getOrDefault("running", 0)
                + (ALERTS - atKill.values().stream().mapToInt(Integer::intValue).sum()))
                .as("investigations still waiting when reasoning was killed: %s", atKill).isPositive();

        reasoning.start();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> countByStatus(ids).getOrDefault("completed", 0) == ALERTS);

        assertThat(completionsPerAlert(ids)).hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
        // a retried attempt neither records usage again nor proposes its actions twice
        assertThat(usageRecordsPerAlert(ids)).hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
        assertThat(ticketsPerAlert(ids)).hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
        // nor assembles the evidence again
        assertThat(Queries.byIds("SELECT i.alert_id, count(a.id) FROM reasoning.investigations i JOIN "
                + "context.assemblies a ON a.investigation_id = i.id::text WHERE i.alert_id = ANY(?) "
                + "GROUP BY i.alert_id", ids)).hasSize(ALERTS).allSatisfy((alert, n) -> assertThat(n).isEqualTo(1));
        // investigation.completed is recorded with the completion; reasoning's audit outbox delivers it to the ledger
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(auditedCompletionsPerAlert(ids)).hasSize(ALERTS)
                        .allSatisfy((alert, n) -> assertThat(n).isEqualTo(1)));
    }

    private static Map<String, Integer> countByStatus(List<String> ids) throws SQLException {
        return Queries.byIds(
                "SELECT status, count(*) FROM reasoning.investigations WHERE alert_id = ANY(?) GROUP BY status",
                ids);
    }

    private static Map<String, Integer> completionsPerAlert(List<String> ids) throws SQLException {
        return Queries.byIds("SELECT alert_id, completions FROM reasoning.investigations WHERE alert_id = ANY(?)", ids);
    }

    private static Map<String, Integer> usageRecordsPerAlert(List<String> ids) throws SQLException {
        return Queries
                .byIds("SELECT i.alert_id, count(u.id) FROM reasoning.investigations i JOIN governance.usage_records u "
                        + "ON u.investigation_id = i.id::text AND u.tenant = i.tenant WHERE i.alert_id = ANY(?) "
                        + "GROUP BY i.alert_id", ids);
    }

    private static Map<String, Integer> ticketsPerAlert(List<String> ids) throws SQLException {
        return Queries.byIds("SELECT alert_id, count(*) FROM action.actions WHERE alert_id = ANY(?) "
                + "AND action_type = 'open_ticket' GROUP BY alert_id", ids);
    }

    private static Map<String, Integer> auditedCompletionsPerAlert(List<String> ids) throws SQLException {
        return Queries.byIds("SELECT alert_id, count(*) FROM governance.audit_entries WHERE alert_id = ANY(?) "
                + "AND event_type = 'investigation.completed' GROUP BY alert_id", ids);
    }
}
