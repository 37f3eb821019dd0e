package dev.watchfloor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.watchfloor.launcher.ServiceSpec;

@ExtendWith(Mesh.class)
class TraceTest {

    private static final Set<String> ALL_SERVICES = Set.of(ServiceSpec.INGEST, ServiceSpec.CONTEXT,
            ServiceSpec.REASONING, ServiceSpec.ACTION, ServiceSpec.GOVERNANCE);

    @Test
    void oneAlertsTraceHoldsSpansOfAllFiveServicesAndItsAuditEntriesCarryTheTraceId() {
        String host = "srv-" + UUID.randomUUID().toString().substring(0, 8);
        String alertId = Api.postAlerts(Map.of("title", "Ransomware note written on file server", "severity",
                "critical", "host", host)).get(0);
        Map<String, Object> summary = Api.awaitCompleted(alertId, Duration.ofSeconds(60));
        String traceId = (String) summary.get("traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Mesh.get().collector().servicesInTrace(traceId).containsAll(ALL_SERVICES));

        // Services record audit entries in their own transactions; their relays deliver them to the ledger right after.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, Object>> entries = Api.auditOf(alertId).getList("items");
            assertThat(entries).extracting(e -> e.get("eventType")).contains("alert.handed_off",
                    "investigation.queued", "context.assembled", "model_call.prepared", "investigation.completed",
                    "action.proposed");
            assertThat(entries).allSatisfy(e -> assertThat(e.get("traceId")).isEqualTo(traceId));
        });
    }
}
