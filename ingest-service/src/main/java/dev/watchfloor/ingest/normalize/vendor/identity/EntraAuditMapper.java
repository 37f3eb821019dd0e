package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Microsoft Entra ID audit logs (Microsoft Graph v1.0 {@code directoryAudit} resource; the Azure Monitor diagnostic
 * category AuditLogs; the Log Analytics / Sentinel table AuditLogs): {@code activityDisplayName}, {@code category},
 * {@code operationType}, {@code result}, {@code initiatedBy.user} / {@code initiatedBy.app}, {@code targetResources[]}.
 * User and role changes are Account Change, group membership Group Management, the rest API Activity by the operation
 * type.
 */
public final class EntraAuditMapper implements Mapper {

    private static final int MAX_TARGETS = 32;

    @Override
    public String id() {
        return "entra-audit";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if ("AuditLogs".equals(Fields.peek(f, "Type"))) {
            return true;
        }
        if (Fields.peek(f, "properties.activityDisplayName") != null) {
            return true;
        }
        if (Fields.peek(f, "ActivityDisplayName") != null && Fields.peek(f, "ActivityDateTime") != null
                && (Fields.has(f, "InitiatedBy") || Fields.has(f, "LoggedByService")
                        || Fields.has(f, "AADOperationType"))) {
            return true; // a Sentinel row whose Type column was renamed by an export
        }
        return Fields.peek(f, "activityDisplayName") != null && Fields.peek(f, "activityDateTime") != null
                && (Fields.has(f, "initiatedBy") || Fields.has(f, "loggedByService"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        EntraShape g = EntraShape.of(record.fields());
        String activity = g.text(in, "activityDisplayName", "operationName", "OperationName");
        String category = g.text(in, "category", "category");
        EntraAuditClasses.classify(category, activity, g.text(in, "operationType", "AADOperationType"), out);
        out.product("Microsoft", "Microsoft Entra ID");
        out.set("metadata.product.feature.name", g.text(in, "loggedByService"));
        out.set("metadata.event_code", activity);
        out.set("message", activity);
        out.set("api.operation", out.ocsfClass() == OcsfClass.API_ACTIVITY ? activity : null);
        out.time(ctx.time(Fields.scalar(in, g.paths("activityDateTime", "time", "TimeGenerated"))));
        out.set("metadata.uid", g.text(in, "id"));
        out.set("metadata.correlation_uid", g.text(in, "correlationId", "correlationId"));
        out.severity(1);
        String result = g.text(in, "result", "resultType", "resultSignature");
        out.status(switch (Fields.lower(result)) {
            case "success" -> 1;
            case "failure", "timeout" -> 2;
            case "" -> 0;
            default -> 99;
        });
        out.set("status_detail", g.text(in, "resultReason", "resultDescription", "ResultDescription"));
        initiator(g, in, out);
        targets(g, in, out);
        userAgent(g, in, out);
    }

    private static void initiator(EntraShape g, Source in, OcsfEvent out) {
        String upn = g.text(in, "initiatedBy.user.userPrincipalName");
        String userName = g.text(in, "initiatedBy.user.displayName");
        out.set("actor.user.name", upn != null ? upn : userName);
        out.set("actor.user.email_addr", Fields.email(upn));
        out.set("actor.user.full_name", upn != null ? userName : null);
        out.set("actor.user.uid", g.text(in, "initiatedBy.user.id"));
        String app = g.text(in, "initiatedBy.app.displayName", "initiatedBy.app.servicePrincipalName");
        out.set("actor.app_name", app);
        out.set("actor.app_uid", g.text(in, "initiatedBy.app.appId", "initiatedBy.app.servicePrincipalId"));
        String ip = g.text(in, "initiatedBy.user.ipAddress", "callerIpAddress");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
    }

    /** The first target user and group, and every target as a resource. */
    private static void targets(EntraShape g, Source in, OcsfEvent out) {
        String at = g.where(in, "targetResources");
        JsonNode targets = at == null ? null : in.peek(at);
        int n = targets != null && targets.isArray() ? Math.min(targets.size(), MAX_TARGETS) : 0;
        for (int i = 0; i < n; i++) {
            String p = at + "." + i + ".";
            String type = in.text(p + "type");
            String name = in.text(p + "userPrincipalName", p + "displayName");
            String id = in.text(p + "id");
            if ("User".equalsIgnoreCase(type) && !out.has("user.name") && !out.has("user.uid")) {
                out.set("user.name", name);
                out.set("user.email_addr", Fields.email(name));
                out.set("user.uid", id);
            } else if ("Group".equalsIgnoreCase(type) && !out.has("group.name")) {
                out.set("group.name", name);
                out.set("group.uid", id);
            }
            ObjectNode r = out.append("resources");
            if (id != null) {
                r.put("uid", id);
            }
            if (name != null) {
                r.put("name", name);
            }
            if (type != null) {
                r.put("type", type);
            }
        }
    }

    /** The {@code User-Agent} entry of {@code additionalDetails} (a key/value list). */
    private static void userAgent(EntraShape g, Source in, OcsfEvent out) {
        String at = g.where(in, "additionalDetails");
        JsonNode details = at == null ? null : in.peek(at);
        int n = details != null && details.isArray() ? Math.min(details.size(), MAX_TARGETS) : 0;
        for (int i = 0; i < n; i++) {
            if ("User-Agent".equalsIgnoreCase(in.peekText(at + "." + i + ".key"))) {
                in.use(at + "." + i + ".key");
                out.set("http_request.user_agent", in.text(at + "." + i + ".value"));
                return;
            }
        }
        out.set("http_request.user_agent", in.text("UserAgent", "properties.userAgent"));
    }
}
