package dev.watchfloor.action.action;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.audit.AuditClient;
import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.trace.Trace;

/** Appends action-service's steps to governance's audit ledger, with the trace the step ran in. */
@ApplicationScoped
public class ActionAudit {

    public static final String ACTOR = "action-service";

    private final AuditClient audit;
    private final ObjectMapper json;

    public ActionAudit(AuditClient audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** Details carry ids, states and short reasons only, never the action's parameters. */
    public Uni<Void> record(Trace trace, String eventType, Action a, Map<String, ?> details) {
        AuditEntry entry = AuditEntry.of(a.tenant(), ACTOR, eventType).alert(a.alertId())
                .investigation(a.investigationId()).action(a.id().toString()).details(toJson(details));
        return audit.append(trace, entry).replaceWithVoid();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be serializable", e);
        }
    }
}
