package dev.watchfloor.reasoning.investigation;

import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.reasoning.v1.Investigations;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationRequest;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationResponse;

/** Accepts alerts from ingest: persists and queues an investigation, once per alert, and audits it with it. */
@GrpcService
public class InvestigationsGrpcService implements Investigations {

    private final InvestigationRepository repository;
    private final MeshCallers callers;

    public InvestigationsGrpcService(InvestigationRepository repository, MeshCallers callers) {
        this.repository = repository;
        this.callers = callers;
    }

    @Override
    public Uni<SubmitInvestigationResponse> submit(SubmitInvestigationRequest r) {
        Trace trace = Trace.current();
        return callers.require("Investigations.Submit", MeshService.INGEST).chain(caller -> submit(trace, r));
    }

    private Uni<SubmitInvestigationResponse> submit(Trace trace, SubmitInvestigationRequest r) {
        if (r.getTenant().isBlank() || r.getAlertId().isBlank()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("tenant and alert_id are required").asRuntimeException());
        }
        NewInvestigation n = new NewInvestigation(r.getTenant(), r.getAlertId(), r.getSource(), r.getTitle(),
                r.getSeverityId(), r.getReceivedAt(), trace.traceparent(), trace.traceId());
        UUID id = UUID.randomUUID();
        AuditEntry queued = AuditEntry.of(r.getTenant(), "investigation.queued").alert(r.getAlertId())
                .investigation(id.toString());
        return repository.insertIfAbsent(trace, id, n, queued)
                .map(created -> SubmitInvestigationResponse.newBuilder()
                        .setInvestigationId(created.id().toString()).setCreated(created.created()).build());
    }
}
