package dev.watchfloor.governance.audit;

import java.time.Instant;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Audit;

/** gRPC entry to the audit ledger for the other services. */
@GrpcService
public class AuditGrpcService implements Audit {

    private final AuditLedger ledger;

    public AuditGrpcService(AuditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Uni<AppendAuditResponse> append(AppendAuditRequest request) {
        if (request.getTenant().isBlank() || request.getActor().isBlank() || request.getEventType().isBlank()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("tenant, actor and event_type are required").asRuntimeException());
        }
        String traceId = request.getTraceId().isBlank() ? Trace.current().traceId() : request.getTraceId();
        String details = request.getDetailsJson().isBlank() ? "{}" : request.getDetailsJson();
        LedgerEntry draft = new LedgerEntry(null, request.getTenant(), 0, Instant.EPOCH, request.getActor(),
                request.getEventType(), request.getAlertId(), request.getInvestigationId(), request.getActionId(),
                traceId, details, "", "");
        return ledger.append(draft).map(e -> AppendAuditResponse.newBuilder().setSeq(e.seq()).setHash(e.hash())
                .build());
    }
}
