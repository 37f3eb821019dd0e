package dev.watchfloor.action.action;

import static dev.watchfloor.action.testing.Proposals.action;
import static dev.watchfloor.action.testing.Proposals.newInvestigation;
import static dev.watchfloor.action.testing.Proposals.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.watchfloor.action.testing.AsReasoningService;
import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.contracts.action.v1.Actions;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;

/**
 * With the relay switched on, an entry reaches the ledger right after its transaction commits, not at the next pass.
 */
@QuarkusTest
@TestProfile(AuditRelayNudgeTest.RelayOn.class)
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuditRelayNudgeTest {

    /** A schedule too slow to explain a delivery within the test's wait: only the nudge after commit can. */
    public static class RelayOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("watchfloor.audit.relay.poll-interval", "1h");
        }
    }

    @GrpcClient("actions")
    @RegisterClientInterceptor(AsReasoningService.class)
    Actions actions;

    @Test
    void committedEntryIsDeliveredWithoutWaitingForTheSchedule() {
        GovernanceStandIn.reset();
        String id = actions.propose(request(newInvestigation(), action("notify", "user:nudge-" + UUID.randomUUID(),
                "{}"))).await().atMost(Duration.ofSeconds(15)).getActions(0).getActionId();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(GovernanceStandIn.auditOf(id))
                        .extracting(AppendAuditRequest::getEventType).containsExactly("action.proposed"));
    }
}
