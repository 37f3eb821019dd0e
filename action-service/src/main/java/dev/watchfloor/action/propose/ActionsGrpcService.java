package dev.watchfloor.action.propose;

import java.util.List;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.action.action.ActionRepository;
import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.action.v1.Actions;
import dev.watchfloor.contracts.action.v1.ListActionsRequest;
import dev.watchfloor.contracts.action.v1.ListActionsResponse;
import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposeActionsResponse;

/**
 * gRPC entry for reasoning-service. A bad request is INVALID_ARGUMENT; a failure of governance or the database is
 * UNAVAILABLE, and proposing again is safe.
 */
@GrpcService
public class ActionsGrpcService implements Actions {

    private final ProposalService proposals;
    private final ActionRepository repository;
    private final MeshCallers callers;

    public ActionsGrpcService(ProposalService proposals, ActionRepository repository, MeshCallers callers) {
        this.proposals = proposals;
        this.repository = repository;
        this.callers = callers;
    }

    @Override
    public Uni<ProposeActionsResponse> propose(ProposeActionsRequest request) {
        Trace trace = Trace.current();
        return callers.require("Actions.Propose", MeshService.REASONING).chain(caller -> propose(trace, request));
    }

    private Uni<ProposeActionsResponse> propose(Trace trace, ProposeActionsRequest request) {
        List<Proposal> parsed;
        try {
            parsed = ProposalParser.parse(request);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        return proposals.propose(trace, parsed)
                .map(actions -> ProposeActionsResponse.newBuilder()
                        .addAllActions(actions.stream().map(ActionStatuses::toProto).toList()).build())
                .onFailure().transform(e -> unavailable(request.getInvestigationId(), e));
    }

    @Override
    public Uni<ListActionsResponse> list(ListActionsRequest request) {
        return callers.require("Actions.List", MeshService.REASONING).chain(caller -> listActions(request));
    }

    private Uni<ListActionsResponse> listActions(ListActionsRequest request) {
        if (request.getTenant().isBlank() || request.getInvestigationId().isBlank()) {
            return invalid("tenant and investigation_id are required");
        }
        return repository.list(request.getTenant(), request.getInvestigationId())
                .map(actions -> ListActionsResponse.newBuilder()
                        .addAllActions(actions.stream().map(ActionStatuses::toProto).toList()).build());
    }

    private static StatusRuntimeException unavailable(String investigationId, Throwable e) {
        Log.warnf("Propose for investigation %s failed: %s", investigationId, e.toString());
        String cause = e instanceof StatusRuntimeException s ? s.getStatus().toString() : e.getClass().getSimpleName();
        return Status.UNAVAILABLE.withDescription("actions could not be authorized and recorded (" + cause
                + "); proposing again is safe").withCause(e).asRuntimeException();
    }

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
