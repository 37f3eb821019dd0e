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

@GrpcService
public class ContextGrpcService implements Context {

    private final AssemblyService assembly;
    private final MeshCallers callers;

    public ContextGrpcService(AssemblyService assembly, MeshCallers callers) {
        this.assembly = assembly;
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
}
