package dev.watchfloor.commons.audit;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.ServiceTokenInterceptor;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchResponse;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.Audit;

/**
 * Appends to governance's audit ledger over gRPC ({@code quarkus.grpc.clients.governance}): the transport of
 * {@link AuditRelay}. Services record entries through {@link AuditOutbox}, never call this directly. Each entry carries
 * its idempotency key, so governance stores an entry sent twice once; retries are the relay's, durable and with
 * backoff, so there is none here.
 */
@ApplicationScoped
public class AuditClient {

    private final Audit audit;
    private final Duration timeout;

    public AuditClient(@GrpcClient("governance") @RegisterClientInterceptor(ServiceTokenInterceptor.class) Audit audit,
            @ConfigProperty(name = "watchfloor.clients.timeout", defaultValue = "5s") Duration timeout) {
        this.audit = audit;
        this.timeout = timeout;
    }

    /**
     * Sends the entries, in order, as one batch inside {@code trace} (the delivery's span); each entry carries the
     * trace its step ran in and its outbox row id as idempotency key. Governance stores all of them or none.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<AppendAuditBatchResponse> appendBatch(Trace trace, List<PendingAudit> entries) {
        AppendAuditBatchRequest.Builder batch = AppendAuditBatchRequest.newBuilder();
        entries.forEach(p -> batch.addEntries(request(p)));
        AppendAuditBatchRequest request = batch.build();
        return trace.call(() -> audit.appendBatch(request)).ifNoItem().after(timeout).fail();
    }

    static AppendAuditRequest request(PendingAudit p) {
        AuditEntry entry = p.entry();
        return AppendAuditRequest.newBuilder()
                .setTenant(entry.tenant())
                .setOnBehalfOf(entry.onBehalfOf())
                .setEventType(entry.eventType())
                .setAlertId(entry.alertId())
                .setInvestigationId(entry.investigationId())
                .setActionId(entry.actionId())
                .setTraceId(p.traceId())
                .setDetailsJson(entry.detailsJson())
                .setIdempotencyKey(p.id().toString())
                .build();
    }
}
