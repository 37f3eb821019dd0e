package dev.watchfloor.reasoning.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.ServiceTokenInterceptor;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.action.v1.Actions;
import dev.watchfloor.contracts.action.v1.ListActionsRequest;
import dev.watchfloor.contracts.action.v1.ListActionsResponse;
import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposeActionsResponse;

/** Propose is idempotent on (investigation, type, target) and List is a read: both are retried. */
@ApplicationScoped
public class ActionClient {

    private final Actions actions;
    private final Duration timeout;

    public ActionClient(@GrpcClient("action") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Actions actions,
            @ConfigProperty(name = "watchfloor.clients.timeout") Duration timeout) {
        this.actions = actions;
        this.timeout = timeout;
    }

    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<ProposeActionsResponse> propose(Trace trace, ProposeActionsRequest request) {
        return trace.call(() -> actions.propose(request)).ifNoItem().after(timeout).fail();
    }

    @Retry(maxRetries = 1, delay = 100)
    public Uni<ListActionsResponse> list(Trace trace, ListActionsRequest request) {
        return trace.call(() -> actions.list(request)).ifNoItem().after(timeout).fail();
    }
}
