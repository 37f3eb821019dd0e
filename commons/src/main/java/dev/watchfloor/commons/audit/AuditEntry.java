package dev.watchfloor.commons.audit;

import java.util.Map;

import io.vertx.core.json.Json;

/** One step to record in governance's audit ledger. Ids that do not apply are empty strings. */
public record AuditEntry(String tenant, String actor, String eventType, String alertId, String investigationId,
        String actionId, String detailsJson) {

    public static AuditEntry of(String tenant, String actor, String eventType) {
        return new AuditEntry(tenant, actor, eventType, "", "", "", "{}");
    }

    public AuditEntry alert(String id) {
        return new AuditEntry(tenant, actor, eventType, nz(id), investigationId, actionId, detailsJson);
    }

    public AuditEntry investigation(String id) {
        return new AuditEntry(tenant, actor, eventType, alertId, nz(id), actionId, detailsJson);
    }

    public AuditEntry action(String id) {
        return new AuditEntry(tenant, actor, eventType, alertId, investigationId, nz(id), detailsJson);
    }

    /** Details as a JSON object; they carry ids, states and short reasons, never payloads. */
    public AuditEntry details(Map<String, ?> values) {
        return details(Json.encode(values));
    }

    public AuditEntry details(String json) {
        return new AuditEntry(tenant, actor, eventType, alertId, investigationId, actionId, json);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
