package dev.watchfloor.action.governance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.action.action.Action;
import dev.watchfloor.commons.security.ServiceTokenInterceptor;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.Approval;
import dev.watchfloor.contracts.governance.v1.Approvals;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsRequest;
import dev.watchfloor.contracts.governance.v1.Policy;

/**
 * Governance's policy decisions and approvals over gRPC ({@code quarkus.grpc.clients.governance}). Both calls are
 * idempotent (Authorize is keyed by the action id, Get is a read), so transient failures are retried; each attempt has
 * the {@code watchfloor.clients.timeout} deadline.
 */
@ApplicationScoped
public class GovernanceClient {

    static final String REQUESTED_BY = "reasoning-service";
    private static final int RETRIES = 2;
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

    private final Policy policy;
    private final Approvals approvals;
    private final Duration timeout;

    public GovernanceClient(
            @GrpcClient("governance") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Policy policy,
            @GrpcClient("governance") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Approvals approvals,
            @ConfigProperty(name = "watchfloor.clients.timeout", defaultValue = "5s") Duration timeout) {
        this.policy = policy;
        this.approvals = approvals;
        this.timeout = timeout;
    }

    /** Has governance decide the actions (of one tenant) together; one decision per action, in order. */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<List<AuthorizeResponse>> authorize(Trace trace, List<Action> actions) {
        AuthorizeBatchRequest.Builder batch = AuthorizeBatchRequest.newBuilder();
        actions.forEach(a -> batch.addActions(AuthorizeRequest.newBuilder()
                .setTenant(a.tenant())
                .setActionId(a.id().toString())
                .setInvestigationId(a.investigationId())
                .setAlertId(a.alertId())
                .setActionType(a.type().wire())
                .setTarget(a.target())
                .setParametersJson(a.parametersJson())
                .setRequestedBy(REQUESTED_BY)));
        AuthorizeBatchRequest request = batch.build();
        return withRetry(trace.call(() -> policy.authorizeBatch(request))).map(r -> {
            if (r.getDecisionsCount() != actions.size()) {
                throw new IllegalStateException("governance answered " + r.getDecisionsCount() + " decisions for "
                        + actions.size() + " actions");
            }
            return r.getDecisionsList();
        });
    }

    /**
     * The current state of the approvals these actions wait on, in one call, by {@link #approvalKey}; an approval
     * governance does not know is missing from the map.
     */
    public Uni<Map<String, Approval>> approvals(Trace trace, List<Action> waiting) {
        GetApprovalsRequest.Builder request = GetApprovalsRequest.newBuilder();
        waiting.forEach(a -> request.addApprovals(GetApprovalRequest.newBuilder().setTenant(a.tenant())
                .setApprovalId(a.approvalId())));
        GetApprovalsRequest built = request.build();
        return withRetry(trace.call(() -> approvals.getMany(built))).map(response -> {
            Map<String, Approval> byKey = new HashMap<>();
            response.getApprovalsList().forEach(a -> byKey.put(approvalKey(a.getTenant(), a.getApprovalId()), a));
            return byKey;
        });
    }

    public static String approvalKey(String tenant, String approvalId) {
        return tenant + "/" + approvalId;
    }

    private <T> Uni<T> withRetry(Uni<T> call) {
        return call.ifNoItem().after(timeout).fail()
                .onFailure(GovernanceClient::isTransient).retry().withBackOff(RETRY_BACKOFF).atMost(RETRIES);
    }

    static boolean isTransient(
            Throwable failure) {
        if (failure instanceof TimeoutException) {
            return true;
        }
        return failure instanceof StatusRuntimeException e
                && (e.getStatus().getCode() == Status.Code.UNAVAILABLE
                        || e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
    }
}
