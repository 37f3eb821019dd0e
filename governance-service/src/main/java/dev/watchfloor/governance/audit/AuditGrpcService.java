package dev.watchfloor.governance.audit;

import java.time.Instant;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Audit;

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
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("tenant and event_type are required").asRuntimeException());
        }
        String actor = request.getOnBehalfOf().isBlank()
                ? caller.clientId()
                : caller.clientId() + " for " + request.getOnBehalfOf();
        String traceId = request.getTraceId().isBlank() ? trace.traceId() : request.getTraceId();
        String details = request.getDetailsJson().isBlank() ? "{}" : request.getDetailsJson();
        LedgerEntry draft = new LedgerEntry(null, request.getTenant(), 0, Instant.EPOCH, actor,
                request.getEventType(), request.getAlertId(), request.getInvestigationId(), request.getActionId(),
                traceId, details, "", "");
        return ledger.append(draft).map(e -> AppendAuditResponse.newBuilder().setSeq(e.seq()).setHash(e.hash())
                .build());
    }
}
