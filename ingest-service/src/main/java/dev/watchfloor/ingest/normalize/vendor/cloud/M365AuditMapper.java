package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.ApiVerbs;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * Microsoft 365 unified audit log records (Office 365 Management Activity API, "Office 365 Management Activity API
 * schema": the common schema CreationTime, Id, Operation, OrganizationId, RecordType, ResultStatus, UserKey, UserType,
 * UserId, ClientIP, Workload, ObjectId, and the workload's own fields), keys as written or lower-cased by a collector,
 * and Microsoft Sentinel's {@code OfficeActivity} rows (TimeGenerated, OfficeWorkload, Client_IPAddress). UserLoggedIn
 * and UserLoginFailed are Authentication (Logon) of the user; every other operation is API Activity by its verb
 * ({@code New-}, {@code Set-}, {@code Remove-} cmdlets; {@code FileAccessed}, {@code FileDeleted} ... past tenses).
 */
public final class M365AuditMapper implements Mapper {

    private static final int MAX_PROPERTIES = 64;

    @Override
    public String id() {
        return "m365-audit";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if ("OfficeActivity".equals(Fields.peek(f, "Type"))) {
            return true;
        }
        String operation = Fields.peek(f, Fields.key(f, "Operation"));
        String time = Fields.peek(f, Fields.key(f, "CreationTime"));
        boolean workload = Fields.peek(f, Fields.key(f, "Workload")) != null
                || Fields.peek(f, Fields.key(f, "RecordType")) != null;
        return operation != null && time != null && workload && Fields.has(f, Fields.key(f, "OrganizationId"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        JsonNode f = record.fields();
        Keys k = camel -> Fields.key(f, camel);
        String operation = in.text(k.of("Operation"));
        boolean failedLogin = "UserLoginFailed".equalsIgnoreCase(operation);
        boolean login = failedLogin || "UserLoggedIn".equalsIgnoreCase(operation);
        if (login) {
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        } else {
            ApiVerbs.api(out, activity(operation));
        }
        out.time(ctx.time(Fields.scalar(in, k.of("CreationTime"), "TimeGenerated")));
        out.severity(1);
        String workload = in.text(k.of("Workload"), "OfficeWorkload");
        out.product("Microsoft", "Microsoft 365");
        out.set("metadata.product.feature.name", workload);
        out.set("metadata.uid", in.text(k.of("Id"), "OfficeId"));
        out.set("metadata.event_code", operation);
        out.set("metadata.log_name", in.text(k.of("RecordType")));
        out.set("metadata.tenant_uid", in.text(k.of("OrganizationId")));
        out.set("message", operation);
        String user = in.text(k.of("UserId"));
        String who = login ? "user" : "actor.user";
        out.set(who + ".name", user);
        out.set(who + ".email_addr", Fields.email(user));
        out.set(who + ".uid", in.text(k.of("UserKey")));
        clientIp(in.text(k.of("ClientIP"), "Client_IPAddress", k.of("ActorIpAddress")), out);
        out.set("http_request.user_agent", in.text(k.of("UserAgent")));
        properties(in, k.of("ExtendedProperties"), out);
        String result = in.text(k.of("ResultStatus"));
        if (failedLogin) {
            out.status(2);
        } else {
            out.status(switch (Fields.lower(result)) {
                case "succeeded", "success", "true", "partiallysucceeded" -> 1;
                case "failed", "failure", "false" -> 2;
                default -> 0;
            });
        }
        out.set("status_detail", in.text(k.of("LogonError")));
        if (login) {
            out.set("service.name", workload);
            out.set("service.uid", in.text(k.of("ApplicationId")));
        } else {
            out.set("api.operation", operation);
            out.set("api.service.name", workload);
            resource(in, k, out);
        }
    }

    /** cmdlet verbs first ({@code New-InboxRule}), then the past tense an operation ends with. */
    static int activity(String operation) {
        String op = Fields.lower(operation);
        if (op.startsWith("new-") || op.startsWith("enable-")) {
            return op.startsWith("new-") ? 1 : 3;
        }
        int verb = ApiVerbs.activity(operation);
        if (verb != 99) {
            return verb;
        }
        String plain = op.replaceAll("[^a-z]", "");
        if (plain
                .transform(Regexes.matches(".*(accessed|viewed|downloaded|previewed|searched|read|exported|synced)"))) {
            return 2;
        }
        if (plain.transform(Regexes.matches(".*(created|added|uploaded|copied|shared|sent|invited)"))) {
            return 1;
        }
        if (plain.transform(
                Regexes.matches(".*(modified|renamed|moved|updated|changed|restored|checkedin|checkedout|set)"))) {
            return 3;
        }
        if (plain.transform(Regexes.matches(".*(deleted|removed|recycled|revoked|purged)"))) {
            return 4;
        }
        return 99;
    }

    /** ClientIP may carry a port ({@code 1.2.3.4:5678}, {@code [2001:db8::1]:443}). */
    static void clientIp(String value, OcsfEvent out) {
        if (value == null) {
            return;
        }
        String ip = value;
        String port = null;
        if (ip.startsWith("[") && ip.indexOf(']') > 0) {
            int close = ip.indexOf(']');
            port = close + 2 < ip.length() && ip.charAt(close + 1) == ':' ? ip.substring(close + 2) : null;
            ip = ip.substring(1, close);
        } else if (ip.indexOf(':') > 0 && ip.indexOf(':') == ip.lastIndexOf(':') && ip.indexOf('.') > 0) {
            port = ip.substring(ip.indexOf(':') + 1);
            ip = ip.substring(0, ip.indexOf(':'));
        }
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
            out.port("src_endpoint.port", port);
        }
    }

    /** Azure AD sign-in records' {@code ExtendedProperties} [{Name, Value}]: the user agent among them. */
    private static void properties(Source in, String at, OcsfEvent out) {
        JsonNode properties = in.peek(at);
        int n = properties != null && properties.isArray() ? Math.min(properties.size(), MAX_PROPERTIES) : 0;
        for (int i = 0; i < n; i++) {
            String name = in.peekText(at + "." + i + ".Name");
            if (name != null && name.toLowerCase(Locale.ROOT).equals("useragent")) {
                in.use(at + "." + i + ".Name");
                out.set("http_request.user_agent", in.text(at + "." + i + ".Value"));
            }
        }
    }

    /** The object acted on: {@code ObjectId} (a URL, mailbox or id) and its item type. */
    private static void resource(Source in, Keys k, OcsfEvent out) {
        String object = in.text(k.of("ObjectId"));
        if (object == null) {
            return;
        }
        ObjectNode resource = out.append("resources").put("uid", object);
        String type = in.text(k.of("ItemType"));
        if (type != null) {
            resource.put("type", type);
        }
    }

    @FunctionalInterface
    interface Keys {

        String of(String camel);
    }
}
