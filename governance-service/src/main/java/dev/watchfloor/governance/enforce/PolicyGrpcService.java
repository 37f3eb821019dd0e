package dev.watchfloor.governance.enforce;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchResponse;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsRequest;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsResponse;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.contracts.governance.v1.Sanction;
import dev.watchfloor.governance.modelcall.ModelCallPreparer;
import dev.watchfloor.governance.policy.TenantPolicies;

/** Policy decisions for model calls and response actions, from the calling tenant's active policy. */
@GrpcService
public class PolicyGrpcService implements Policy {

    private final ModelCallPreparer preparer;
    /** The most actions one AuthorizeBatch may carry. */
    static final int MAX_BATCH = 100;

    private final ActionAuthorizer authorizer;
    private final TenantPolicies policies;
    private final MeshCallers callers;

    public PolicyGrpcService(ModelCallPreparer preparer, ActionAuthorizer authorizer, TenantPolicies policies,
            MeshCallers callers) {
        this.preparer = preparer;
        this.authorizer = authorizer;
        this.policies = policies;
        this.callers = callers;
    }

    @Override
    public Uni<PrepareModelCallResponse> prepareModelCall(PrepareModelCallRequest request) {
        Trace trace = Trace.current();
        return callers.require("Policy.PrepareModelCall", MeshService.REASONING).chain(caller -> {
            if (request.getTenant().isBlank() || request.getInvestigationId().isBlank()) {
                return invalid("tenant and investigation_id are required");
            }
            if (request.getEstimatedInputTokens() < 0) {
                return invalid("estimated_input_tokens must not be negative");
            }
            if (request.getMaxCalls() < 0 || request.getMaxCalls() > ModelCallPreparer.MAX_CALLS) {
                return invalid("max_calls must be between 0 and " + ModelCallPreparer.MAX_CALLS);
            }
            return preparer.prepare(trace, request);
        });
    }

    @Override
    public Uni<AuthorizeResponse> authorize(AuthorizeRequest request) {
        Trace trace = Trace.current();
        return callers.require("Policy.Authorize", MeshService.ACTION).chain(caller -> {
            if (request.getTenant().isBlank() || request.getActionId().isBlank()
                    || request.getActionType().isBlank()) {
                return invalid("tenant, action_id and action_type are required");
            }
            return authorizer.authorize(trace, request);
        });
    }

    @Override
    public Uni<AuthorizeBatchResponse> authorizeBatch(AuthorizeBatchRequest request) {
        Trace trace = Trace.current();
        return callers.require("Policy.AuthorizeBatch", MeshService.ACTION).chain(caller -> {
            if (request.getActionsCount() == 0) {
                return Uni.createFrom().item(AuthorizeBatchResponse.getDefaultInstance());
            }
            if (request.getActionsCount() > MAX_BATCH) {
                return invalid("at most " + MAX_BATCH + " actions per batch, not " + request.getActionsCount());
            }
            String tenant = request.getActions(0).getTenant();
            for (int i = 0; i < request.getActionsCount(); i++) {
                AuthorizeRequest a = request.getActions(i);
                if (a.getTenant().isBlank() || a.getActionId().isBlank() || a.getActionType().isBlank()) {
                    return invalid("actions[" + i + "]: tenant, action_id and action_type are required");
                }
                if (!a.getTenant().equals(tenant)) {
                    return invalid("actions[" + i + "]: all actions of a batch must be of one tenant");
                }
            }
            return authorizer.authorizeAll(trace, request.getActionsList())
                    .map(decisions -> AuthorizeBatchResponse.newBuilder().addAllDecisions(decisions).build());
        });
    }

    @Override
    public Uni<CheckSanctionsResponse> checkSanctions(CheckSanctionsRequest request) {
        return callers.require("Policy.CheckSanctions", MeshService.REASONING).chain(caller -> {
            if (request.getTenant().isBlank()) {
                return invalid("tenant is required");
            }
            Instant at;
            try {
                at = request.getAt().isBlank() ? Instant.now() : Instant.parse(request.getAt());
            } catch (DateTimeParseException e) {
                return invalid("at must be an RFC 3339 time, e.g. 2026-11-27T10:00:00Z");
            }
            return policies.active(request.getTenant()).map(policy -> {
                CheckSanctionsResponse.Builder response = CheckSanctionsResponse.newBuilder()
                        .setPolicy(policy.label());
                for (String entity : request.getEntitiesList()) {
                    policy.document().actions().sanctioned(entity, at).ifPresent(reason -> response
                            .addSanctions(Sanction.newBuilder().setEntity(entity).setReason(reason)));
                }
                return response.build();
            });
        });
    }

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
