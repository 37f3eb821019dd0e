package dev.watchfloor.action.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.watchfloor.action.ActionConfig;
import dev.watchfloor.action.action.Action;
import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;

/**
 * Runs an action by POSTing it as JSON to the configured webhook ({@code watchfloor.action.webhook-url}). The request
 * is a client span of the caller's trace and carries it as the W3C {@code traceparent} header; the action id is the
 * {@code Idempotency-Key}, since a lapsed lease can run an action twice. 2xx is success; 408, 429 and 5xx are worth
 * retrying, other statuses are not.
 */
@ApplicationScoped
public class WebhookConnector {

    private final WebClient client;
    private final Optional<URI> url;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Spans spans;

    public WebhookConnector(Vertx vertx, ActionConfig config, ObjectMapper json, Spans spans) {
        this.client = WebClient.create(vertx);
        this.url = config.webhookUrl().filter(u -> !u.isBlank()).map(WebhookConnector::checked);
        this.timeout = config.webhookTimeout();
        this.json = json;
        this.spans = spans;
    }

    public Uni<ConnectorResult> execute(Trace trace, Action action) {
        if (url.isEmpty()) {
            return Uni.createFrom().failure(ConnectorException.permanent("no webhook URL configured"));
        }
        URI target = url.get();
        Map<String, String> attributes = Map.of("http.request.method", "POST", "server.address", target.getHost(),
                "server.port", String.valueOf(port(target)), "watchfloor.action.id", action.id().toString());
        return spans.inSpan(trace, "POST", SpanKind.CLIENT, attributes, child -> post(child, target, action));
    }

    private Uni<ConnectorResult> post(Trace trace, URI target, Action action) {
        HttpRequest<Buffer> request = client.postAbs(target.toString())
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", action.id().toString());
        String traceparent = trace.traceparent();
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        return request.sendBuffer(Buffer.buffer(body(action)))
                .ifNoItem().after(timeout).fail()
                .onFailure().transform(e -> e instanceof TimeoutException
                        ? ConnectorException.retryable("webhook timed out after " + timeout, e)
                        : ConnectorException.retryable("webhook request failed: " + e.getMessage(), e))
                .map(response -> outcome(trace, response));
    }

    private static ConnectorResult outcome(Trace trace, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        Span.fromContext(trace.context()).setAttribute("http.response.status_code", status);
        if (status >= 200 && status < 300) {
            return new ConnectorResult(status, "HTTP " + status);
        }
        String message = "webhook answered HTTP " + status;
        if (status == 408 || status == 429 || status >= 500) {
            throw ConnectorException.retryable(message, null);
        }
        throw ConnectorException.permanent(message);
    }

    /** {"actionId","type","target","parameters":{...},"tenant","investigationId"} */
    String body(Action action) {
        try {
            ObjectNode body = json.createObjectNode()
                    .put("actionId", action.id().toString())
                    .put("type", action.type().wire())
                    .put("target", action.target());
            body.set("parameters", json.readTree(action.parametersJson()));
            body.put("tenant", action.tenant()).put("investigationId", action.investigationId());
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanent("stored parameters are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static URI checked(String value) {
        URI uri = URI.create(value.trim());
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("watchfloor.action.webhook-url must be an absolute http(s) URL");
        }
        return uri;
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
