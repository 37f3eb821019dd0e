package dev.watchfloor.governance.audit;

import com.fasterxml.jackson.databind.JsonNode;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Audit;
import dev.watchfloor.ledger.CanonicalJson;

/** gRPC entry to the audit ledger for the other services. */
@GrpcService
public class AuditGrpcService implements Audit {

    private final AuditLedger ledger;
    private final MeshCallers callers;

    public AuditGrpcService(AuditLedger ledger, MeshCallers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @Override
    public Uni<AppendAuditResponse> append(AppendAuditRequest request) {
        Trace trace = Trace.current();
        return callers.require("Audit.Append", MeshService.INGEST, MeshService.CONTEXT, MeshService.REASONING,
                MeshService.ACTION).chain(caller -> append(trace, caller, request));
    }

    /** The actor recorded is the authenticated caller; a user it acted for is recorded beside it. */
    private Uni<AppendAuditResponse> append(Trace trace, MeshService caller, AppendAuditRequest request) {
        if (request.getTenant().isBlank() || request.getEventType().isBlank()) {
            return invalid("tenant and event_type are required");
        }
        JsonNode details;
        try {
            details = AuditRepository.json(CanonicalJson.ofObject(request.getDetailsJson()));
        } catch (IllegalArgumentException e) {
            return invalid("details_json " + e.getMessage());
        }
        String traceId = request.getTraceId().isBlank() ? trace.traceId() : request.getTraceId();
        GovernanceAudit.Subject about = new GovernanceAudit.Subject(request.getTenant(), request.getAlertId(),
                request.getInvestigationId(), request.getActionId());
        return ledger.append(GovernanceAudit.draft(request.getTenant(), caller.clientId(), request.getOnBehalfOf(),
                request.getEventType(), about, traceId, request.getIdempotencyKey(), details))
                .map(e -> AppendAuditResponse.newBuilder().setSeq(e.seq()).setHash(e.hash()).build());
    }

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
