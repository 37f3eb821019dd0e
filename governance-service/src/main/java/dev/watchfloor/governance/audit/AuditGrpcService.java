package dev.watchfloor.governance.audit;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchResponse;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Audit;
import dev.watchfloor.ledger.AuditRecord;
import dev.watchfloor.ledger.CanonicalJson;

/** gRPC entry to the audit ledger for the other services. */
@GrpcService
public class AuditGrpcService implements Audit {

    /** The most entries one AppendBatch may carry. */
    static final int MAX_BATCH = 500;

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

    @Override
    public Uni<AppendAuditBatchResponse> appendBatch(AppendAuditBatchRequest request) {
        Trace trace = Trace.current();
        return callers.require("Audit.AppendBatch", MeshService.INGEST, MeshService.CONTEXT, MeshService.REASONING,
                MeshService.ACTION).chain(caller -> {
                    if (request.getEntriesCount() > MAX_BATCH) {
                        return invalid("at most " + MAX_BATCH + " entries per batch, not "
                                + request.getEntriesCount());
                    }
                    List<AuditRecord> drafts = new ArrayList<>();
                    for (int i = 0; i < request.getEntriesCount(); i++) {
                        try {
                            drafts.add(draft(trace, caller, request.getEntries(i)));
                        } catch (IllegalArgumentException e) {
                            return invalid("entries[" + i + "]: " + e.getMessage());
                        }
                    }
                    return ledger.appendAll(drafts).map(stored -> AppendAuditBatchResponse.newBuilder()
                            .addAllEntries(stored.stream().map(AuditGrpcService::response).toList()).build());
                });
    }

    /** The actor recorded is the authenticated caller; a user it acted for is recorded beside it. */
    private Uni<AppendAuditResponse> append(Trace trace, MeshService caller, AppendAuditRequest request) {
        AuditRecord draft;
        try {
            draft = draft(trace, caller, request);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        return ledger.append(draft).map(AuditGrpcService::response);
    }

    /** The draft of one requested entry; IllegalArgumentException says what is wrong with it. */
    private static AuditRecord draft(Trace trace, MeshService caller, AppendAuditRequest request) {
        if (request.getTenant().isBlank() || request.getEventType().isBlank()) {
            throw new IllegalArgumentException("tenant and event_type are required");
        }
        JsonNode details;
        try {
            details = AuditRepository.json(CanonicalJson.ofObject(request.getDetailsJson()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("details_json " + e.getMessage(), e);
        }
        String traceId = request.getTraceId().isBlank() ? trace.traceId() : request.getTraceId();
        GovernanceAudit.Subject about = new GovernanceAudit.Subject(request.getTenant(), request.getAlertId(),
                request.getInvestigationId(), request.getActionId());
        return GovernanceAudit.draft(request.getTenant(), caller.clientId(), request.getOnBehalfOf(),
                request.getEventType(), about, traceId, request.getIdempotencyKey(), details);
    }

    private static AppendAuditResponse response(AuditRecord stored) {
        return AppendAuditResponse.newBuilder().setSeq(stored.seq()).setHash(stored.hash()).build();
    }

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
