package dev.watchfloor.context.assemble;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.AssembleRequest;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.Context;
import dev.watchfloor.contracts.context.v1.GetAlertGroupRequest;
import dev.watchfloor.contracts.context.v1.GetAlertGroupResponse;

@GrpcService
public class ContextGrpcService implements Context {

    private final AssemblyService assembly;
    private final GroupLookup groups;
    private final MeshCallers callers;

    public ContextGrpcService(AssemblyService assembly, GroupLookup groups, MeshCallers callers) {
        this.assembly = assembly;
        this.groups = groups;
        this.callers = callers;
    }

    @Override
    public Uni<AssembleResponse> assemble(AssembleRequest request) {
        Trace trace = Trace.current();
        return callers.require("Context.Assemble", MeshService.REASONING).chain(caller -> assemble(trace, request));
    }

    private Uni<AssembleResponse> assemble(Trace trace, AssembleRequest request) {
        if (request.getTenant().isBlank() || request.getAlertId().isBlank() || request.getTokenBudget() < 0
                || request.getRun() < 0) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("tenant and alert_id are required; token_budget and run must not be negative")
                    .asRuntimeException());
        }
        return Uni.createFrom().deferred(() -> assembly.assemble(trace, request.getTenant(),
                request.getAlertId(), request.getInvestigationId(), request.getRun(), request.getTokenBudget()))
                .onFailure(ProblemException.class)
                .transform(e -> Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
    }

    @Override
    public Uni<GetAlertGroupResponse> getAlertGroup(GetAlertGroupRequest request) {
        return callers.require("Context.GetAlertGroup", MeshService.REASONING).chain(caller -> {
            if (request.getTenant().isBlank() || request.getAlertId().isBlank() || request.getMemberLimit() < 0) {
                return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                        .withDescription("tenant and alert_id are required; member_limit must not be negative")
                        .asRuntimeException());
            }
            return Uni.createFrom().deferred(() -> groups.group(request.getTenant(), request.getAlertId(),
                    request.getMemberLimit()))
                    .onFailure(ProblemException.class)
                    .transform(e -> Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        });
    }
}
