package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Suricata EVE events other than alerts: {@code dns} (EVE DNS formats 1 to 3: {@code rrname}/{@code rdata} per record,
 * {@code answers}, {@code queries}), {@code http}, {@code drop} (Refuse) and {@code anomaly} here, {@code tls},
 * {@code ssh}, {@code fileinfo} and {@code flow}/{@code netflow} in {@link SuricataFlows}; any other event type with a
 * flow becomes Network Activity (Traffic), one without a flow (stats) a Base Event.
 */
final class SuricataProtocols {

    private SuricataProtocols() {
    }

    static void map(String type, Source in, OcsfEvent out, MapContext ctx) {
        switch (type) {
            case "dns" -> dns(in, out);
            case "http" -> http(in, out);
            case "tls", "ssh", "fileinfo", "flow", "netflow" -> SuricataFlows.map(type, in, out, ctx);
            case "drop" -> {
                out.classify(OcsfClass.NETWORK_ACTIVITY, 5, "Refuse");
                out.set("disposition_id", 2L);
                out.set("disposition", "Blocked");
                out.set("status_detail", in.text("drop.reason"));
            }
            case "anomaly" -> {
                out.classify(OcsfClass.NETWORK_ACTIVITY, 99, "Anomaly");
                out.set("message", in.text("anomaly.event"));
                out.set("status_detail", in.text("anomaly.type"));
            }
            default -> {
                boolean network = out.has("src_endpoint.ip") || out.has("dst_endpoint.ip");
                out.classify(network ? OcsfClass.NETWORK_ACTIVITY : OcsfClass.BASE_EVENT, network ? 6 : 99,
                        network ? "Traffic" : "Other");
                if (network && !out.has("app_name")) {
                    out.set("app_name", type);
                }
            }
        }
    }

    private static void dns(Source in, OcsfEvent out) {
        String kind = String.valueOf(in.text("dns.type")).toLowerCase(Locale.ROOT);
        boolean response = kind.equals("answer") || kind.equals("response");
        out.classify(OcsfClass.DNS_ACTIVITY, response ? 2 : 1, response ? "Response" : "Query");
        out.set("query.hostname", in.text("dns.rrname", "dns.queries.0.rrname"));
        out.set("query.type", in.text("dns.rrtype", "dns.queries.0.rrtype"));
        out.set("query.packet_uid", in.number("dns.id"));
        String rcode = in.text("dns.rcode");
        if (rcode != null) {
            out.set("rcode", rcode);
            long id = rcodeId(rcode);
            out.set("rcode_id", id);
            out.status(id == 0 ? 1 : 2);
        }
        JsonNode answers = in.peek("dns.answers");
        if (answers != null && answers.isArray()) {
            in.use("dns.answers");
            for (int i = 0; i < answers.size() && i < 1000; i++) {
                JsonNode a = answers.get(i);
                ObjectNode answer = out.append("answers");
                copy(a, "rdata", answer, "rdata");
                copy(a, "rrtype", answer, "type");
                copy(a, "ttl", answer, "ttl");
            }
        } else if (in.peek("dns.rdata") != null) {
            ObjectNode answer = out.append("answers");
            answer.put("rdata", in.text("dns.rdata"));
            Long ttl = in.number("dns.ttl");
            if (ttl != null) {
                answer.put("ttl", ttl);
            }
        }
    }

    private static long rcodeId(String rcode) {
        return switch (rcode.toUpperCase(Locale.ROOT)) {
            case "NOERROR" -> 0;
            case "FORMERR" -> 1;
            case "SERVFAIL" -> 2;
            case "NXDOMAIN" -> 3;
            case "NOTIMP" -> 4;
            case "REFUSED" -> 5;
            case "YXDOMAIN" -> 6;
            case "YXRRSET" -> 7;
            case "NXRRSET" -> 8;
            case "NOTAUTH" -> 9;
            case "NOTZONE" -> 10;
            default -> 99;
        };
    }

    private static void http(Source in, OcsfEvent out) {
        NetworkFields.http(out, in.text("http.http_method"));
        NetworkFields.url(out, in.text("http.hostname"), in.text("http.url"));
        out.set("http_request.user_agent", in.text("http.http_user_agent"));
        out.set("http_request.referrer", in.text("http.http_refer"));
        out.set("http_request.version", in.text("http.protocol"));
        Long status = in.number("http.status");
        out.set("http_response.code", status);
        out.set("http_response.length", in.number("http.length"));
        out.set("http_response.content_type", in.text("http.http_content_type"));
        if (status != null && status >= 100) {
            out.status(status < 400 ? 1 : 2);
        }
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String name) {
        JsonNode v = from == null ? null : from.get(field);
        if (v != null && v.isValueNode() && !v.isNull()) {
            to.set(name, v);
        }
    }
}
