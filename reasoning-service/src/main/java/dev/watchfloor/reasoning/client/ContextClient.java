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
import dev.watchfloor.contracts.context.v1.AssembleRequest;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.Context;
import dev.watchfloor.contracts.context.v1.GetAlertGroupRequest;
import dev.watchfloor.contracts.context.v1.GetAlertGroupResponse;

@ApplicationScoped
public class ContextClient {

    private final Context context;
    private final Duration timeout;

    public ContextClient(
            @GrpcClient("context") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Context context,
            @ConfigProperty(name = "watchfloor.clients.timeout") Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    /** Assembling is a read, so it is retried. */
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<AssembleResponse> assemble(Trace trace, AssembleRequest request) {
        return trace.call(() -> context.assemble(request)).ifNoItem().after(timeout).fail();
    }

    /** The alert's group as it stands now, for an investigation's view: a read, retried once. */
    @Retry(maxRetries = 1, delay = 100)
    public Uni<GetAlertGroupResponse> alertGroup(Trace trace, GetAlertGroupRequest request) {
        return trace.call(() -> context.getAlertGroup(request)).ifNoItem().after(timeout).fail();
    }
}
