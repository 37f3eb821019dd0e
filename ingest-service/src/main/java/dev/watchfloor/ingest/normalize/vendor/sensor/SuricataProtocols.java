package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Suricata EVE events other than alerts: {@code dns} (EVE DNS versions 1 to 3), {@code http}, {@code tls}, {@code ssh},
 * {@code fileinfo}, {@code flow}/{@code netflow} and {@code anomaly}; any other event type with a flow becomes Network
 * Activity (Traffic), one without a flow (stats) a Base Event.
 */
final class SuricataProtocols {

    private SuricataProtocols() {
    }

    static void map(String type, Source in, OcsfEvent out) {
        switch (type) {
            case "dns" -> dns(in, out);
            case "http" -> http(in, out);
            case "tls" -> tls(in, out);
            case "ssh" -> ssh(in, out);
            case "fileinfo" -> fileinfo(in, out);
            case "flow", "netflow" -> flow(type, in, out);
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
        String method = in.text("http.http_method");
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        int activity = switch (m) {
            case "CONNECT" -> 1;
            case "DELETE" -> 2;
            case "GET" -> 3;
            case "HEAD" -> 4;
            case "OPTIONS" -> 5;
            case "POST" -> 6;
            case "PUT" -> 7;
            case "TRACE" -> 8;
            case "PATCH" -> 9;
            default -> m.isEmpty() ? 0 : 99;
        };
        out.classify(OcsfClass.HTTP_ACTIVITY, activity, m.isEmpty() ? "Unknown" : method);
        out.set("http_request.http_method", method);
        String host = in.text("http.hostname");
        String url = in.text("http.url");
        out.set("http_request.url.hostname", host);
        if (url != null) {
            int q = url.indexOf('?');
            out.set("http_request.url.path", q < 0 ? url : url.substring(0, q));
            out.set("http_request.url.query_string", q < 0 ? null : url.substring(q + 1));
            out.set("http_request.url.url_string", host == null ? url : "http://" + host + url);
        }
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

    private static void tls(Source in, OcsfEvent out) {
        out.classify(OcsfClass.NETWORK_ACTIVITY, 6, "Traffic");
        out.set("tls.version", in.text("tls.version"));
        out.set("tls.sni", in.text("tls.sni"));
        out.set("tls.certificate.subject", in.text("tls.subject"));
        out.set("tls.certificate.issuer", in.text("tls.issuerdn"));
        out.set("tls.certificate.serial_number", in.text("tls.serial"));
        String fingerprint = in.text("tls.fingerprint");
        if (fingerprint != null) {
            ObjectNode fp = out.append("tls.certificate.fingerprints");
            fp.put("algorithm_id", 2);
            fp.put("algorithm", "SHA-1");
            fp.put("value", fingerprint);
        }
        for (String[] ja : new String[][]{{"tls.ja3.hash", "tls.ja3_hash"}, {"tls.ja3s.hash", "tls.ja3s_hash"}}) {
            String hash = in.text(ja[0]);
            if (hash != null) {
                out.set(ja[1] + ".algorithm_id", 1L);
                out.set(ja[1] + ".value", hash);
            }
        }
    }

    private static void ssh(Source in, OcsfEvent out) {
        out.classify(OcsfClass.SSH_ACTIVITY, 1, "Open");
        out.set("protocol_ver", in.text("ssh.client.proto_version", "ssh.server.proto_version"));
        for (String[] side : new String[][]{{"client", "client_hassh"}, {"server", "server_hassh"}}) {
            String hash = in.text("ssh." + side[0] + ".hassh.hash");
            if (hash != null) {
                out.set(side[1] + ".fingerprint.algorithm_id", 1L);
                out.set(side[1] + ".fingerprint.algorithm", "MD5");
                out.set(side[1] + ".fingerprint.value", hash);
            }
        }
    }

    private static void fileinfo(Source in, OcsfEvent out) {
        String direction = String.valueOf(in.peekText("direction")).toLowerCase(Locale.ROOT);
        int activity = direction.equals("to_client") ? 2 : direction.equals("to_server") ? 1 : 0;
        if (activity != 0) {
            in.use("direction");
        }
        out.classify(OcsfClass.NETWORK_FILE_ACTIVITY, activity,
                activity == 2 ? "Download" : activity == 1 ? "Upload" : "Unknown");
        String name = in.text("fileinfo.filename");
        out.set("file.name", name == null ? null : name.substring(name.lastIndexOf('/') + 1));
        out.set("file.path", name);
        out.set("file.size", in.number("fileinfo.size"));
        out.set("file.mime_type", in.text("fileinfo.mimetype"));
        out.set("file.desc", in.text("fileinfo.magic"));
        String[][] kinds = {{"fileinfo.md5", "1", "MD5"}, {"fileinfo.sha1", "2", "SHA-1"},
                {"fileinfo.sha256", "3", "SHA-256"}};
        for (String[] kind : kinds) {
            String value = in.text(kind[0]);
            if (value != null && value.matches("[0-9a-fA-F]{32,128}")) {
                ObjectNode h = out.append("file.hashes");
                h.put("algorithm_id", Integer.parseInt(kind[1]));
                h.put("algorithm", kind[2]);
                h.put("value", value.toLowerCase(Locale.ROOT));
            }
        }
        out.set("http_request.url.hostname", in.text("http.hostname"));
        out.set("http_request.url.path", in.text("http.url"));
    }

    private static void flow(String type, Source in, OcsfEvent out) {
        String state = String.valueOf(in.peekText("flow.state")).toLowerCase(Locale.ROOT);
        int activity = type.equals("netflow") ? 6 : switch (state) {
            case "new" -> 1;
            case "closed" -> 2;
            default -> 6;
        };
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, activity == 1
                ? "Open"
                : activity == 2
                        ? "Close"
                        : "Traffic");
        String side = type.equals("netflow") ? "netflow" : "flow";
        out.set("status_code", in.text(side + ".state"));
        out.set("status_detail", in.text(side + ".reason"));
        Long packetsOut = in.number(side + ".pkts_toserver", side + ".pkts");
        Long packetsIn = in.number(side + ".pkts_toclient");
        Long bytesOut = in.number(side + ".bytes_toserver", side + ".bytes");
        Long bytesIn = in.number(side + ".bytes_toclient");
        out.set("traffic.packets_out", packetsOut);
        out.set("traffic.packets_in", packetsIn);
        out.set("traffic.bytes_out", bytesOut);
        out.set("traffic.bytes_in", bytesIn);
        if (packetsOut != null && packetsIn != null) {
            out.set("traffic.packets", packetsOut + packetsIn);
        }
        if (bytesOut != null && bytesIn != null) {
            out.set("traffic.bytes", bytesOut + bytesIn);
        }
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String name) {
        JsonNode v = from == null ? null : from.get(field);
        if (v != null && v.isValueNode() && !v.isNull()) {
            to.set(name, v);
        }
    }
}
