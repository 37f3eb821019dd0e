package dev.watchfloor.commons.audit;

import java.util.Map;

import io.vertx.core.json.Json;

/**
 * One step to record in governance's audit ledger. The actor is not part of it: governance records the service whose
 * token made the call; {@code onBehalfOf} names the end user the service acted for, when there is one. Ids that do not
 * apply are empty strings.
 */
public record AuditEntry(String tenant, String onBehalfOf, String eventType, String alertId, String investigationId,
        String actionId, String detailsJson) {

    public static AuditEntry of(String tenant, String eventType) {
        return new AuditEntry(tenant, "", eventType, "", "", "", "{}");
    }

    public AuditEntry onBehalfOf(String user) {
        return new AuditEntry(tenant, nz(user), eventType, alertId, investigationId, actionId, detailsJson);
    }

    public AuditEntry alert(String id) {
        return new AuditEntry(tenant, onBehalfOf, eventType, nz(id), investigationId, actionId, detailsJson);
    }

    public AuditEntry investigation(String id) {
        return new AuditEntry(tenant, onBehalfOf, eventType, alertId, nz(id), actionId, detailsJson);
    }

    public AuditEntry action(String id) {
        return new AuditEntry(tenant, onBehalfOf, eventType, alertId, investigationId, nz(id), detailsJson);
    }

    /** Details as a JSON object; they carry ids, states and short reasons, never payloads. */
    public AuditEntry details(Map<String, ?> values) {
        return details(Json.encode(values));
    }

    public AuditEntry details(String json) {
        return new AuditEntry(tenant, onBehalfOf, eventType, alertId, investigationId, actionId, json);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
