package dev.watchfloor.governance.approval;

import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.Approvals;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.governance.policy.StandingDenials;

/** Lets action-service read the state of the approvals its actions wait on. */
@GrpcService
public class ApprovalsGrpcService implements Approvals {

    private final ApprovalService approvals;
    private final MeshCallers callers;
    private final StandingDenials denials;

    public ApprovalsGrpcService(ApprovalService approvals, MeshCallers callers, StandingDenials denials) {
        this.approvals = approvals;
        this.callers = callers;
        this.denials = denials;
    }

    @Override
    public Uni<dev.watchfloor.contracts.governance.v1.Approval> get(GetApprovalRequest request) {
        return callers.require("Approvals.Get", MeshService.ACTION).chain(caller -> find(request));
    }

    private Uni<dev.watchfloor.contracts.governance.v1.Approval> find(GetApprovalRequest request) {
        UUID id;
        try {
            id = UUID.fromString(request.getApprovalId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("approval_id must be a UUID").asRuntimeException());
        }
        return approvals.get(request.getTenant(), id)
                .onFailure(ProblemException.class).transform(e -> Status.NOT_FOUND
                        .withDescription(e.getMessage()).asRuntimeException())
                .chain(a -> denials.of(a.tenant(), a.actionType(), a.target())
                        .map(denial -> toProto(a).toBuilder().setPolicyDenial(denial.orElse("")).build()));
    }

    static dev.watchfloor.contracts.governance.v1.Approval toProto(Approval a) {
        return dev.watchfloor.contracts.governance.v1.Approval.newBuilder()
                .setApprovalId(a.id().toString())
                .setTenant(a.tenant())
                .setActionId(a.actionId())
                .setState(a.state().toProto())
                .setParametersHash(a.parametersHash())
                .setDecidedBy(a.decidedBy() == null ? "" : a.decidedBy())
                .setDecidedAt(a.decidedAt() == null ? "" : a.decidedAt().toString())
                .setExpiresAt(a.expiresAt().toString())
                .setActionType(a.actionType())
                .setTarget(a.target())
                .build();
    }
}
