package dev.watchfloor.reasoning.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.ServiceTokenInterceptor;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.Budget;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsRequest;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsResponse;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.contracts.governance.v1.RecordUsageRequest;
import dev.watchfloor.contracts.governance.v1.RecordUsageResponse;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationRequest;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationResponse;

/** Policy and budget calls to governance. Both append to ledgers, so they are not retried here. */
@ApplicationScoped
public class GovernanceClient {

    private final Policy policy;
    private final Budget budget;
    private final Duration timeout;

    public GovernanceClient(
            @GrpcClient("governance") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Policy policy,
            @GrpcClient("governance") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Budget budget,
            @ConfigProperty(name = "watchfloor.clients.timeout") Duration timeout) {
        this.policy = policy;
        this.budget = budget;
        this.timeout = timeout;
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<PrepareModelCallResponse> prepareModelCall(Trace trace, PrepareModelCallRequest request) {
        return trace.call(() -> policy.prepareModelCall(request)).ifNoItem().after(timeout).fail();
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<CheckSanctionsResponse> checkSanctions(Trace trace, CheckSanctionsRequest request) {
        return trace.call(() -> policy.checkSanctions(request)).ifNoItem().after(timeout).fail();
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<ReleaseReservationResponse> release(Trace trace, ReleaseReservationRequest request) {
        return trace.call(() -> budget.release(request)).ifNoItem().after(timeout).fail();
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<RecordUsageResponse> recordUsage(Trace trace, RecordUsageRequest request) {
        return trace.call(() -> budget.record(request)).ifNoItem().after(timeout).fail();
    }
}
