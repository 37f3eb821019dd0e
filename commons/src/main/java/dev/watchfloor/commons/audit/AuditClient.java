package dev.watchfloor.commons.audit;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.ServiceTokenInterceptor;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Audit;

/**
 * Appends to governance's audit ledger over gRPC ({@code quarkus.grpc.clients.governance}): the transport of
 * {@link AuditRelay}. Services record entries through {@link AuditOutbox}, never call this directly. Each append
 * carries the entry's idempotency key, so governance stores an entry sent twice once; retries are the relay's, durable
 * and with backoff, so there is none here.
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
     * Sends the entry inside {@code trace} (the delivery's span); {@code traceId} is the trace the recorded step ran
     * in, stored with the entry.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2000)
    public Uni<AppendAuditResponse> append(Trace trace, String traceId, UUID idempotencyKey, AuditEntry entry) {
        AppendAuditRequest request = AppendAuditRequest.newBuilder()
                .setTenant(entry.tenant())
                .setOnBehalfOf(entry.onBehalfOf())
                .setEventType(entry.eventType())
                .setAlertId(entry.alertId())
                .setInvestigationId(entry.investigationId())
                .setActionId(entry.actionId())
                .setTraceId(traceId)
                .setDetailsJson(entry.detailsJson())
                .setIdempotencyKey(idempotencyKey.toString())
                .build();
        return trace.call(() -> audit.append(request)).ifNoItem().after(timeout).fail();
    }
}
