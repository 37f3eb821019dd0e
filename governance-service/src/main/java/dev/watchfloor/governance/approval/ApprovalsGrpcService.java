package dev.watchfloor.governance.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.Approvals;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsResponse;
import dev.watchfloor.governance.policy.StandingDenials;

/** Lets action-service read the state of the approvals its actions wait on. */
@GrpcService
public class ApprovalsGrpcService implements Approvals {

    /** The most approvals one GetMany may ask for. */
    static final int MAX_MANY = 500;

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

    @Override
    public Uni<GetApprovalsResponse> getMany(GetApprovalsRequest request) {
        return callers.require("Approvals.GetMany", MeshService.ACTION).chain(caller -> {
            if (request.getApprovalsCount() > MAX_MANY) {
                return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("at most " + MAX_MANY
                        + " approvals per call, not " + request.getApprovalsCount()).asRuntimeException());
            }
            Map<String, List<UUID>> byTenant = new LinkedHashMap<>();
            for (int i = 0; i < request.getApprovalsCount(); i++) {
                GetApprovalRequest asked = request.getApprovals(i);
                try {
                    byTenant.computeIfAbsent(asked.getTenant(), t -> new ArrayList<>())
                            .add(UUID.fromString(asked.getApprovalId()));
                } catch (IllegalArgumentException e) {
                    return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                            .withDescription("approvals[" + i + "]: approval_id must be a UUID").asRuntimeException());
                }
            }
            return Multi.createFrom().iterable(byTenant.entrySet())
                    .onItem().transformToUniAndConcatenate(e -> ofTenant(e.getKey(), e.getValue()))
                    .collect().asList()
                    .map(found -> order(request, found.stream().flatMap(List::stream).toList()));
        });
    }

    /** One tenant's approvals among the ids, each with the current policy's standing denial (one policy read). */
    private Uni<List<dev.watchfloor.contracts.governance.v1.Approval>> ofTenant(String tenant, List<UUID> ids) {
        return approvals.getAll(tenant, ids).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(List.of())
                : denials.policy(tenant).map(policy -> found.stream().map(a -> toProto(a).toBuilder()
                        .setPolicyDenial(StandingDenials.of(policy, a.actionType(), a.target()).orElse(""))
                        .build()).toList()));
    }

    /** The approvals found, in the order they were asked for. */
    private static GetApprovalsResponse order(GetApprovalsRequest request,
            List<dev.watchfloor.contracts.governance.v1.Approval> found) {
        Map<String, dev.watchfloor.contracts.governance.v1.Approval> byKey = new HashMap<>();
        found.forEach(a -> byKey.put(a.getTenant() + "/" + a.getApprovalId(), a));
        GetApprovalsResponse.Builder response = GetApprovalsResponse.newBuilder();
        request.getApprovalsList().stream().map(r -> byKey.remove(r.getTenant() + "/" + r.getApprovalId()))
                .filter(java.util.Objects::nonNull).forEach(response::addApprovals);
        return response.build();
    }

    private Uni<dev.watchfloor.contracts.governance.v1.Approval> find(GetApprovalRequest request) {
        UUID id;
        try {
            id = UUID.fromString(request.getApprovalId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("approval_id must be a UUID").asRuntimeException());
        }
        // the same read as GetMany, for one id
        return ofTenant(request.getTenant(), List.of(id)).map(found -> {
            if (found.isEmpty()) {
                throw Status.NOT_FOUND.withDescription("No approval with id '" + id + "'").asRuntimeException();
            }
            return found.getFirst();
        });
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
