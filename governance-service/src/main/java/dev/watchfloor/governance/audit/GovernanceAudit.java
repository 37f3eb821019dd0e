package dev.watchfloor.governance.audit;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;

import dev.watchfloor.commons.trace.Trace;

/**
 * Governance's own steps go straight into the ledger. Callers capture the trace at the entry of the request they serve
 * and pass it here, since reactive callbacks may run where the current span is not theirs.
 */
@ApplicationScoped
public class GovernanceAudit {

    static final String ACTOR = "governance-service";

    private final AuditLedger ledger;

    public GovernanceAudit(AuditLedger ledger) {
        this.ledger = ledger;
    }

    /** What an entry is about; ids that do not apply are empty. */
    public record Subject(String tenant, String alertId, String investigationId, String actionId) {
    }

    public Uni<LedgerEntry> record(Trace trace, String actor, String eventType, Subject about,
            Map<String, ?> details) {
        LedgerEntry draft = new LedgerEntry(null, about.tenant(), 0, Instant.EPOCH, actor, eventType, about.alertId(),
                about.investigationId(), about.actionId(), trace.traceId(), Json.encode(details), "", "");
        return ledger.append(draft);
    }

    public Uni<LedgerEntry> record(Trace trace, String eventType, Subject about, Map<String, ?> details) {
        return record(trace, ACTOR, eventType, about, details);
    }
}
