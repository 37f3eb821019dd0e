package dev.watchfloor.ingest.normalize.vendor.network;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/** FortiOS log types ("FortiOS Log Message Reference"): traffic, utm subtypes and event subtypes. */
final class FortiGateLogs {

    private FortiGateLogs() {
    }

    /** srcip/srcport/srcintf/srcname/srcmac, dstip/dstport/dstintf/hostname, proto, policy, user, session. */
    static void endpoints(Source in, OcsfEvent out) {
        Traffic.endpoint(out, "src_endpoint", in.text("srcip"), in.text("srcport"), in.text("srcintf"));
        Traffic.endpoint(out, "dst_endpoint", in.text("dstip"), in.text("dstport"), in.text("dstintf"));
        out.set("src_endpoint.hostname", in.text("srcname"));
        out.set("src_endpoint.mac", in.text("srcmac"));
        out.set("dst_endpoint.hostname", in.text("hostname", "dstname"));
        Traffic.protocol(out, in.text("proto"));
        out.set("firewall_rule.uid", in.text("policyid"));
        out.set("firewall_rule.name", in.text("policyname"));
        out.set("connection_info.uid", in.text("sessionid"));
        out.set("actor.user.name", in.text("user", "unauthuser"));
        out.set("app_name", in.text("app"));
    }

    static void traffic(Source in, OcsfEvent out) {
        String action = FortiGateMapper.lower(in.text("action"));
        int activity = switch (action) {
            case "deny", "blocked", "block", "drop" -> Traffic.REFUSE;
            case "start" -> Traffic.OPEN;
            case "close", "timeout" -> Traffic.CLOSE;
            case "server-rst", "client-rst" -> Traffic.RESET;
            default -> Traffic.TRAFFIC;
        };
        Traffic.classify(out, activity);
        out.status(activity == Traffic.REFUSE ? 2 : 1);
        // FortiOS traffic actions other than deny/block are sessions the policy let through
        FormatFields.disposition(out, activity == Traffic.REFUSE ? "blocked" : action.isEmpty() ? null : "allowed");
        out.set("traffic.bytes_out", in.number("sentbyte"));
        out.set("traffic.bytes_in", in.number("rcvdbyte"));
        out.set("traffic.packets_out", in.number("sentpkt"));
        out.set("traffic.packets_in", in.number("rcvdpkt"));
        Long duration = in.number("duration");
        out.set("duration", duration == null ? null : duration * 1000);
        out.set("message", "traffic " + action + " " + (in.peekText("service") == null ? "" : in.peekText("service")));
    }

    static void utm(String subtype, Source in, OcsfEvent out) {
        String action = in.text("action");
        Integer disposition = FormatFields.disposition(out, action);
        switch (subtype) {
            case "webfilter" -> {
                out.classify(OcsfClass.HTTP_ACTIVITY, 99, "Other");
                out.set("http_request.url.hostname", in.text("hostname"));
                out.set("http_request.url.path", in.text("url"));
                out.set("http_request.url.url_string", out.text("dst_endpoint.hostname") == null
                        ? null
                        : out.text("dst_endpoint.hostname") + (out.text("http_request.url.path") == null
                                ? ""
                                : out.text("http_request.url.path")));
                String category = in.text("catdesc");
                if (category != null) {
                    out.node().with("http_request").with("url").putArray("categories").add(category);
                }
                out.status(disposition != null && disposition == 2 ? 2 : 1);
            }
            case "dns" -> {
                out.classify(OcsfClass.DNS_ACTIVITY, 1, "Query");
                out.set("query.hostname", in.text("qname"));
                out.set("query.type", in.text("qtype"));
            }
            case "app-ctrl" -> Traffic.classify(out, disposition != null && disposition == 2
                    ? Traffic.REFUSE
                    : Traffic.TRAFFIC);
            default -> finding(subtype, in, out);
        }
        out.set("message", in.text("msg"));
    }

    private static void finding(String subtype, Source in, OcsfEvent out) {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String name = in.text("attack", "virus", "dlpextra", "signature");
        String id = in.text("attackid", "virusid");
        out.set("finding_info.title", name != null ? name : in.peekText("msg") != null ? in.peekText("msg") : subtype);
        out.set("finding_info.uid", in.peekText("logid") + ":" + (in.peekText("eventtime") != null
                ? in.peekText("eventtime")
                : in.peekText("sessionid")));
        out.set("finding_info.analytic.name", name);
        out.set("finding_info.analytic.uid", id);
        out.set("finding_info.analytic.category", subtype);
        out.set("file.name", in.text("filename"));
        FormatFields.hash(out, "file.hashes", in.text("filehash", "analyticscksum"));
        out.set("url.url_string", in.text("url"));
        int severity = Severities.of(in.text("severity", "crlevel"));
        if (severity > 0) {
            out.severity(severity);
        }
    }

    static void event(Source in, OcsfEvent out) {
        String action = FortiGateMapper.lower(in.peekText("action"));
        String description = FortiGateMapper.lower(in.peekText("logdesc"));
        if (action.contains("login") || action.contains("logon") || action.contains("logout")
                || action.startsWith("auth") || description.contains("login")
                || description.contains("authentication")) {
            in.use("action");
            boolean logout = action.contains("logout") || description.contains("logout");
            out.classify(OcsfClass.AUTHENTICATION, logout ? 2 : 1, logout ? "Logoff" : "Logon");
            String status = FortiGateMapper.lower(in.text("status"));
            out.status(status.startsWith("succe")
                    ? 1
                    : status.startsWith("fail")
                            ? 2
                            : description.contains("fail") ? 2 : description.contains("success") ? 1 : 99);
            if (out.has("actor.user.name")) {
                out.set("user.name", out.text("actor.user.name"));
                out.node().remove("actor");
            }
            out.set("status_detail", in.text("reason"));
            out.set("auth_protocol", in.text("method"));
        } else if (in.peekText("cfgpath") != null) {
            int activity = switch (action) {
                case "add" -> 1;
                case "edit" -> 3;
                case "delete" -> 4;
                default -> 99;
            };
            in.use("action");
            out.classify(OcsfClass.API_ACTIVITY, activity, activity == 1
                    ? "Create"
                    : activity == 3 ? "Update" : activity == 4 ? "Delete" : "Other");
            out.status(1);
            out.set("api.operation", action);
            out.append("resources").put("name", in.text("cfgpath"));
            out.set("api.service.name", in.text("ui"));
        } else {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
        out.set("message", in.text("msg", "logdesc"));
    }

    static void other(Source in, OcsfEvent out) {
        out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        out.set("message", in.text("msg", "logdesc"));
    }
}
