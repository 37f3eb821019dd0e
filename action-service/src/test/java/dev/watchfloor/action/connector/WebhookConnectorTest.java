package dev.watchfloor.action.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;

import dev.watchfloor.action.ActionConfig;
import dev.watchfloor.action.action.Action;
import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.domain.ActionType;

@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookConnectorTest {

    static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    WebhookConnector connector;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;

    @Test
    void postsTheActionAsJsonInAChildSpanOfTheCarriedTrace() throws Exception {
        Action action = action("{\"channel\":\"#soc\"}");

        ConnectorResult result = connector.execute(Trace.fromTraceparent(PARENT), action).await().atMost(WAIT);

        assertThat(result).isEqualTo(new ConnectorResult(200, "HTTP 200"));
        WebhookReceiver.Received hook = WebhookReceiver.about(action.id().toString()).get(0);
        assertThat(hook.path()).isEqualTo("/hook");
        assertThat(json.readTree(hook.body())).isEqualTo(json.readTree("{\"actionId\":\"" + action.id()
                + "\",\"type\":\"notify\",\"target\":\"user:alice\",\"parameters\":{\"channel\":\"#soc\"},"
                + "\"tenant\":\"t1\",\"investigationId\":\"inv-1\"}"));
        String traceparent = hook.headers().get("traceparent");
        assertThat(traceparent).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                .isNotEqualTo(PARENT);
    }

    @Test
    void withoutWebhookUrlTheActionFailsAsUnconfigured() {
        WebhookConnector unconfigured = new WebhookConnector(vertx, new Settings(Optional.empty()), json,
                new Spans(OpenTelemetry.noop().getTracer("test")));

        assertThatThrownBy(() -> unconfigured.execute(Trace.fromTraceparent(PARENT), action("{}")).await()
                .atMost(WAIT))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("no webhook URL configured");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void unreachableWebhookIsARetryableFailure() {
        WebhookConnector closedPort = new WebhookConnector(vertx, new Settings(Optional.of("http://127.0.0.1:9/x")),
                json, new Spans(OpenTelemetry.noop().getTracer("test")));

        assertThatThrownBy(() -> closedPort.execute(Trace.fromTraceparent(PARENT), action("{}")).await()
                .atMost(WAIT))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.getMessage()).startsWith("webhook request failed");
                    assertThat(e.retryable()).isTrue();
                });
    }

    private static Action action(String parameters) {
        return new Action(UUID.randomUUID(), "t1", "inv-1", "alert-1", ActionType.NOTIFY, "user:alice", "why",
                parameters, ActionState.EXECUTING, "", "", 1, PARENT, Instant.now(), Instant.now());
    }

    /** ActionConfig with only the webhook URL varying. */
    record Settings(Optional<String> webhookUrl) implements ActionConfig {

        @Override
        public String pollInterval() {
            return "off";
        }

        @Override
        public Duration webhookTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public int maxAttempts() {
            return 1;
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ZERO;
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ZERO;
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration approvalCheckInterval() {
            return Duration.ZERO;
        }

        @Override
        public int batchSize() {
            return 1;
        }
    }
}
