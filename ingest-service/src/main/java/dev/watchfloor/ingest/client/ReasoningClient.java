package dev.watchfloor.ingest.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.ServiceTokenInterceptor;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.reasoning.v1.Investigations;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationRequest;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationResponse;

/** Hands alerts to reasoning. Retries are the outbox's (durable, with backoff), not this client's. */
@ApplicationScoped
public class ReasoningClient {

    private final Investigations investigations;
    private final Duration timeout;

    public ReasoningClient(
            @GrpcClient("reasoning") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Investigations investigations,
            @ConfigProperty(name = "watchfloor.clients.timeout") Duration timeout) {
        this.investigations = investigations;
        this.timeout = timeout;
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<SubmitInvestigationResponse> submit(Trace trace, SubmitInvestigationRequest request) {
        return trace.call(() -> investigations.submit(request)).ifNoItem().after(timeout).fail();
    }
}
