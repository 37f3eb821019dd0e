package dev.watchfloor.governance.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.ledger.AuditRecord;

/**
 * Governance's own steps go straight into the ledger. Callers capture the trace at the entry of the request they serve
 * and pass it here, since reactive callbacks may run where the current span is not theirs.
 */
@ApplicationScoped
public class GovernanceAudit {

    static final String ACTOR = "governance-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditLedger ledger;

    public GovernanceAudit(AuditLedger ledger) {
        this.ledger = ledger;
    }

    /** What an entry is about; ids that do not apply are empty. */
    public record Subject(String tenant, String alertId, String investigationId, String actionId) {
    }

    /** An entry of governance itself, on behalf of the named user ({@code by}). */
    public Uni<AuditRecord> record(Trace trace, String by, String eventType, Subject about, Map<String, ?> details) {
        return record(trace.traceId(), by, eventType, about, details, "");
    }

    /** As above, idempotent on the key: recording again answers the entry already in the ledger. */
    public Uni<AuditRecord> record(String traceId, String by, String eventType, Subject about,
            Map<String, ?> details, String idempotencyKey) {
        return ledger.append(draft(about.tenant(), ACTOR, by, eventType, about, traceId, idempotencyKey,
                JSON.valueToTree(details)));
    }

    public Uni<AuditRecord> record(Trace trace, String eventType, Subject about, Map<String, ?> details) {
        return record(trace, "", eventType, about, details);
    }

    /** An entry of governance itself, in the caller's transaction: it commits with the change it describes. */
    public Uni<AuditRecord> recordIn(SqlConnection conn, String traceId, String eventType, Subject about,
            Map<String, ?> details) {
        return recordAllIn(conn, List.of(new Entry(traceId, eventType, about, details))).map(List::getFirst);
    }

    /** One of governance's own entries, for {@link #recordAllIn}. */
    public record Entry(String traceId, String eventType, Subject about, Map<String, ?> details) {
    }

    /** Entries of governance itself, in order, in the caller's transaction, each tenant's chain locked once. */
    public Uni<List<AuditRecord>> recordAllIn(SqlConnection conn, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ledger.appendAllIn(conn, entries.stream().map(e -> draft(e.about().tenant(), ACTOR, "", e.eventType(),
                e.about(), e.traceId(), "", JSON.valueToTree(e.details()))).toList());
    }

    /** An entry not yet in the chain: id, seq, time and hashes are assigned by {@link AuditLedger#append}. */
    static AuditRecord draft(String tenant, String actor, String onBehalfOf, String eventType, Subject about,
            String traceId, String idempotencyKey, JsonNode details) {
        return new AuditRecord(UUID.randomUUID(), tenant, 0, "", actor, onBehalfOf, eventType, about.alertId(),
                about.investigationId(), about.actionId(), traceId, idempotencyKey, details, "", "");
    }
}
