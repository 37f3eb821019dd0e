package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * AWS WAF web ACL traffic logs (AWS WAF Developer Guide, "Log fields for web ACL traffic", formatVersion 1; also
 * Panther's {@code AWS.WAFWebACL}) to HTTP Activity by the request's method: the client address and country, the
 * request line, headers and user agent, the web ACL as policy, the terminating rule as firewall rule, and the action
 * (ALLOW, BLOCK, COUNT, CAPTCHA, CHALLENGE) as action and disposition.
 */
public final class AwsWafMapper implements Mapper {

    private static final int MAX_HEADERS = 128;

    @Override
    public String id() {
        return "aws-waf";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        return Fields.peek(f, "webaclId") != null && Fields.hasObject(f, "httpRequest")
                || "AWS.WAFWebACL".equals(Fields.peek(f, "p_log_type"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String method = in.text("httpRequest.httpMethod");
        classify(method, out);
        out.time(ctx.time(Fields.scalar(in, "timestamp")));
        out.severity(1);
        out.product("AWS", "AWS WAF");
        out.set("metadata.log_version", in.text("formatVersion"));
        out.set("cloud.provider", "AWS");
        String ip = in.text("httpRequest.clientIp");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
        out.set("src_endpoint.location.country", in.text("httpRequest.country"));
        out.set("dst_endpoint.svc_name", in.text("httpSourceName"));
        out.set("dst_endpoint.uid", in.text("httpSourceId"));
        out.set("http_request.http_method", method);
        out.set("http_request.url.path", in.text("httpRequest.uri"));
        out.set("http_request.url.query_string", in.text("httpRequest.args"));
        out.set("http_request.version", in.text("httpRequest.httpVersion"));
        out.set("http_request.uid", in.text("httpRequest.requestId"));
        out.set("metadata.uid", out.text("http_request.uid"));
        headers(in, out);
        out.set("http_response.code", in.number("responseCodeSent"));
        String acl = in.text("webaclId");
        out.set("policy.uid", acl);
        out.set("policy.name", aclName(acl));
        out.set("firewall_rule.uid", in.text("terminatingRuleId"));
        out.set("firewall_rule.type", in.text("terminatingRuleType"));
        action(in.text("action"), out);
        String path = out.text("http_request.url.path");
        out.set("message", method != null && path != null ? method + " " + path : null);
    }

    /** HTTP Activity: 1 Connect, 2 Delete, 3 Get, 4 Head, 5 Options, 6 Post, 7 Put, 8 Trace, 99 Other. */
    static void classify(String method, OcsfEvent out) {
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        int id = switch (m) {
            case "CONNECT" -> 1;
            case "DELETE" -> 2;
            case "GET" -> 3;
            case "HEAD" -> 4;
            case "OPTIONS" -> 5;
            case "POST" -> 6;
            case "PUT" -> 7;
            case "TRACE" -> 8;
            default -> m.isEmpty() ? 0 : 99;
        };
        String name = switch (id) {
            case 0 -> "Unknown";
            case 99 -> "Other";
            default -> m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT);
        };
        out.classify(OcsfClass.HTTP_ACTIVITY, id, name);
    }

    /** The request headers, the user agent, host and X-Forwarded-For among them. */
    private static void headers(Source in, OcsfEvent out) {
        JsonNode headers = in.peek("httpRequest.headers");
        int n = headers != null && headers.isArray() ? Math.min(headers.size(), MAX_HEADERS) : 0;
        for (int i = 0; i < n; i++) {
            String name = in.text("httpRequest.headers." + i + ".name");
            String value = in.text("httpRequest.headers." + i + ".value");
            if (name == null) {
                continue;
            }
            ObjectNode header = out.append("http_request.http_headers").put("name", name);
            if (value != null) {
                header.put("value", value);
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "user-agent" -> out.set("http_request.user_agent", value);
                case "host" -> out.set("http_request.url.hostname", value);
                case "referer" -> out.set("http_request.referrer", value);
                case "x-forwarded-for" -> forwarded(value, out);
                default -> {
                }
            }
        }
    }

    private static void forwarded(String value, OcsfEvent out) {
        if (value == null) {
            return;
        }
        var ips = JsonNodeFactory.instance.arrayNode();
        for (String part : value.split(",")) {
            if (Fields.isIp(part.strip()) && ips.size() < 16) {
                ips.add(part.strip());
            }
        }
        if (!ips.isEmpty()) {
            out.set("http_request.x_forwarded_for", ips);
        }
    }

    private static void action(String action, OcsfEvent out) {
        if (action == null) {
            return;
        }
        switch (action.toUpperCase(Locale.ROOT)) {
            case "ALLOW" -> Controls.allowed(out);
            case "BLOCK" -> Controls.blocked(out);
            case "COUNT" -> Controls.detected(out, true);
            default -> Controls.other(out, action);
        }
    }

    /** The web ACL's name in its ARN ({@code .../webacl/<name>/<id>}), or null. */
    static String aclName(String arn) {
        if (arn == null) {
            return null;
        }
        int at = arn.indexOf("/webacl/");
        if (at < 0) {
            return null;
        }
        String rest = arn.substring(at + "/webacl/".length());
        int slash = rest.indexOf('/');
        return slash > 0 ? rest.substring(0, slash) : rest.isEmpty() ? null : rest;
    }
}
