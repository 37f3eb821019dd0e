package dev.watchfloor.action.action;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.audit.AuditClient;
import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.trace.Trace;

/** Appends action-service's steps to governance's audit ledger, with the trace the step ran in. */
@ApplicationScoped
public class ActionAudit {

    private final AuditClient audit;

    public ActionAudit(AuditClient audit) {
        this.audit = audit;
    }

    /** Details carry ids, states and short reasons only, never the action's parameters. */
    public Uni<Void> record(Trace trace, String eventType, Action a, Map<String, ?> details) {
        AuditEntry entry = AuditEntry.of(a.tenant(), eventType).alert(a.alertId())
                .investigation(a.investigationId()).action(a.id().toString()).details(details);
        return audit.append(trace, entry).replaceWithVoid();
    }
}
