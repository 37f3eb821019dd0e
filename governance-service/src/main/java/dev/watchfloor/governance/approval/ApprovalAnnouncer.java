package dev.watchfloor.governance.approval;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Announces each new approval request to a webhook ({@code WATCHFLOOR_APPROVAL_WEBHOOK_URL}: a chat or paging
 * integration), so approvers learn of it without polling. The announcement carries ids and what is to be approved,
 * never parameters; a failed announcement is logged and does not fail the request (the approval is in the pending list
 * either way).
 */
@ApplicationScoped
public class ApprovalAnnouncer {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Optional<URI> url;
    private final Duration timeout;

    public ApprovalAnnouncer(@ConfigProperty(name = "watchfloor.governance.approval-webhook-url") Optional<String> url,
            @ConfigProperty(name = "watchfloor.clients.timeout") Duration timeout) {
        this.url = url.filter(u -> !u.isBlank()).map(URI::create);
        this.timeout = timeout;
    }

    public Uni<Void> announce(Approval a) {
        if (url.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "approval.requested");
        body.put("approvalId", a.id().toString());
        body.put("tenant", a.tenant());
        body.put("actionId", a.actionId());
        body.put("actionType", a.actionType());
        body.put("target", a.target());
        body.put("investigationId", a.investigationId());
        body.put("alertId", a.alertId());
        body.put("parametersHash", a.parametersHash());
        body.put("requestedBy", a.requestedBy());
        body.put("expiresAt", a.expiresAt().toString());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.get()).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        // the JDK client completes on its own threads; the caller goes on on its Vert.x context (Hibernate Reactive
        // needs it for whatever the caller does next)
        Context caller = Vertx.currentContext();
        Uni<HttpResponse<Void>> sent = Uni.createFrom()
                .completionStage(() -> CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        if (caller != null) {
            sent = sent.emitOn(command -> caller.runOnContext(ignored -> command.run()));
        }
        return sent
                .invoke(r -> {
                    if (r.statusCode() >= 300) {
                        Log.warnf("approval webhook answered %d for approval %s", r.statusCode(), a.id());
                    }
                })
                .onFailure().invoke(e -> Log.warnf("approval webhook failed for approval %s: %s", a.id(), e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
