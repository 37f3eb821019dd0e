package dev.watchfloor.governance.policy;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.governance.modelcall.ModelCallPreparer;

/** Policy decisions for model calls and response actions, from the calling tenant's active policy. */
@GrpcService
public class PolicyGrpcService implements Policy {

    private final ModelCallPreparer preparer;
    private final ActionAuthorizer authorizer;
    private final MeshCallers callers;

    public PolicyGrpcService(ModelCallPreparer preparer, ActionAuthorizer authorizer, MeshCallers callers) {
        this.preparer = preparer;
        this.authorizer = authorizer;
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

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
