package dev.watchfloor.ingest.normalize.vendor.identity;

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

/**
 * Okta System Log events (Okta System Log API {@code /api/v1/logs}, the LogEvent object: {@code eventType},
 * {@code published}, {@code uuid}, {@code actor}, {@code target[]}, {@code client}, {@code outcome}, {@code severity},
 * {@code authenticationContext}, {@code debugContext}). Sign-on events become Authentication, user lifecycle and
 * account events Account Change, group membership Group Management, the rest API Activity. Collectors that lower-case
 * the top-level keys ({@code eventtype}, {@code displaymessage}) are read too.
 */
public final class OktaSystemLogMapper implements Mapper {

    private static final int MAX_TARGETS = 32;

    @Override
    public String id() {
        return "okta";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if (wrapped(f)) {
            return true;
        }
        return looksLikeLogEvent(f) || "Okta.SystemLog".equals(Fields.peek(f, "p_log_type"));
    }

    /** An event of an Okta log stream to Amazon EventBridge: the LogEvent is the {@code detail}. */
    private static boolean wrapped(JsonNode f) {
        String source = Fields.peek(f, "source");
        return source != null && source.startsWith("aws.partner/okta.com") && looksLikeLogEvent(f.get("detail"));
    }

    private static boolean looksLikeLogEvent(JsonNode f) {
        if (f == null || !f.isObject()) {
            return false;
        }
        String type = Fields.peek(f, "eventType");
        if (type == null) {
            type = Fields.peek(f, "eventtype");
        }
        boolean shape = type != null && (Fields.hasObject(f, "actor") || Fields.hasObject(f, "outcome"))
                && (Fields.has(f, "published") || Fields.has(f, "uuid") || Fields.hasObject(f, "client")
                        || Fields.has(f, "legacyEventType") || Fields.has(f, "legacyeventtype"));
        return shape && type.transform(Regexes.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+"));
    }

    @Override
    public void map(Parsed record, Source source, OcsfEvent out, MapContext ctx) {
        Prefixed in = new Prefixed(source, wrapped(record.fields()) ? "detail." : "");
        if (!in.prefix().isEmpty()) {
            source.use("detail-type", "source", "version", "id", "time", "account", "region", "resources");
        }
        out.product("Okta", "Okta System Log");
        String type = in.text("eventType", "eventtype");
        OktaClasses.classify(type, out);
        out.set("metadata.event_code", type);
        out.set("metadata.uid", in.text("uuid"));
        out.set("message", in.text("displayMessage", "displaymessage"));
        out.time(ctx.time(Fields.scalar(source, in.prefix() + "published")));
        out.severity(severity(in.text("severity")));
        String result = in.text("outcome.result");
        if (result != null) {
            out.status(status(result));
        }
        out.set("status_detail", in.text("outcome.reason"));

        String[] actor = actor(in, out);
        client(in, out);
        targets(in, out, actor);
        out.set("http_request.uid", in.text("debugContext.debugData.requestId",
                "debugcontext.debugData.requestId"));
        out.set("http_request.url.path", in.text("debugContext.debugData.requestUri",
                "debugcontext.debugData.requestUri"));
        out.set("device.name", in.text("device.name"));
        out.set("device.uid", in.text("device.id"));
        out.set("device.os.name", in.text("device.os_platform"));
    }

    /** The actor as {@code actor.user}, or as the app it is; its name, login, id and type when a user, else null. */
    private static String[] actor(Prefixed in, OcsfEvent out) {
        String type = in.text("actor.type");
        String name = in.text("actor.displayName");
        String login = in.text("actor.alternateId");
        String id = in.text("actor.id");
        out.set("actor.session.uid", in.text("authenticationContext.externalSessionId",
                "authenticationcontext.externalSessionId"));
        if (type == null || type.equalsIgnoreCase("User")) {
            user(out, "actor.user", name, login, id, type);
            return new String[]{name, login, id, type};
        }
        out.set("actor.app_name", name != null ? name : login);
        out.set("actor.app_uid", id);
        return null;
    }

    private static void client(Prefixed in, OcsfEvent out) {
        String ip = in.text("client.ipAddress");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
        out.set("src_endpoint.location.city", in.text("client.geographicalContext.city"));
        out.set("src_endpoint.location.country", in.text("client.geographicalContext.country"));
        out.set("src_endpoint.location.region", in.text("client.geographicalContext.state"));
        out.set("src_endpoint.location.postal_code", in.text("client.geographicalContext.postalCode"));
        out.set("src_endpoint.location.lat", number(in, "client.geographicalContext.geolocation.lat"));
        out.set("src_endpoint.location.long", number(in, "client.geographicalContext.geolocation.lon"));
        out.set("src_endpoint.os.name", in.text("client.userAgent.os"));
        out.set("http_request.user_agent", in.text("client.userAgent.rawUserAgent"));
        String security = Fields.key(in.root(), "securityContext") + ".";
        out.set("src_endpoint.autonomous_system.number", in.number(security + "asNumber"));
        out.set("src_endpoint.autonomous_system.name", in.text(security + "asOrg"));
        out.set("src_endpoint.location.isp", in.text(security + "isp"));
        out.set("src_endpoint.domain", in.text(security + "domain"));
    }

    /** A JSON number at the path (marked used), else null. */
    private static JsonNode number(Prefixed in, String path) {
        JsonNode value = in.peek(path);
        return value != null && value.isNumber() ? in.node(path) : null;
    }

    /**
     * The target user (or, for Account Change and Authentication without one, the actor), the target group, and the
     * application signed in to.
     */
    private static void targets(Prefixed in, OcsfEvent out, String[] actor) {
        boolean user = false;
        boolean group = false;
        JsonNode targets = in.peek("target");
        int n = targets != null && targets.isArray() ? Math.min(targets.size(), MAX_TARGETS) : 0;
        for (int i = 0; i < n; i++) {
            String p = "target." + i + ".";
            String kind = in.peekText(p + "type");
            if (!user && "User".equalsIgnoreCase(kind)) {
                user(out, "user", in.text(p + "displayName"), in.text(p + "alternateId"), in.text(p + "id"),
                        in.text(p + "type"));
                user = true;
            } else if (!group && kind != null && Fields.lower(kind).contains("group")) {
                out.set("group.name", in.text(p + "displayName"));
                out.set("group.uid", in.text(p + "id"));
                out.set("group.type", in.text(p + "type"));
                group = true;
            } else if ("AppInstance".equalsIgnoreCase(kind) && out.ocsfClass() == OcsfClass.AUTHENTICATION
                    && !out.has("service.name")) {
                out.set("service.name", in.text(p + "displayName"));
                out.set("service.uid", in.text(p + "id"));
                in.use(p + "type");
            }
        }
        OcsfClass c = out.ocsfClass();
        if (!user && actor != null && (c == OcsfClass.AUTHENTICATION || c == OcsfClass.ACCOUNT_CHANGE)) {
            user(out, "user", actor[0], actor[1], actor[2], actor[3]);
        }
    }

    private static void user(OcsfEvent out, String at, String name, String login, String id, String type) {
        out.set(at + ".name", name != null ? name : login);
        out.set(at + ".email_addr", Fields.email(login));
        out.set(at + ".uid", id);
        out.set(at + ".type", type);
    }

    /** Okta severities DEBUG, INFO, WARN, ERROR; DEBUG carries no severity of its own (OCSF's Okta mapping). */
    static int severity(String severity) {
        return switch (Fields.lower(severity)) {
            case "info" -> 1;
            case "warn", "warning" -> 3;
            case "error" -> 4;
            default -> 0;
        };
    }

    /** Okta outcome.result: SUCCESS, ALLOW, FAILURE, DENY, CHALLENGE, SKIPPED, RATE_LIMIT, UNKNOWN. */
    static int status(String result) {
        return switch (Fields.lower(result)) {
            case "success", "allow" -> 1;
            case "failure", "deny", "rate_limit" -> 2;
            case "unknown" -> 0;
            default -> 99;
        };
    }
}
