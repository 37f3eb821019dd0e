package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's session logs: {@code http.log} (HTTP Activity, the activity from the method) and {@code ssh.log} (SSH
 * Activity, the status from {@code auth_success}); the transfer logs go to {@link ZeekTransferLogs}.
 */
final class ZeekAppLogs {

    private ZeekAppLogs() {
    }

    static void map(String log, Source in, OcsfEvent out) {
        switch (log) {
            case "http" -> http(in, out);
            case "ssh" -> ssh(in, out);
            default -> ZeekTransferLogs.map(log, in, out);
        }
    }

    private static void http(Source in, OcsfEvent out) {
        NetworkFields.http(out, in.text("method"));
        NetworkFields.url(out, in.text("host"), in.text("uri"));
        out.set("http_request.user_agent", in.text("user_agent"));
        out.set("http_request.referrer", in.text("referrer"));
        out.set("http_request.version", in.text("version"));
        out.set("http_request.length", in.number("request_body_len"));
        out.set("http_response.length", in.number("response_body_len"));
        Long code = in.number("status_code");
        out.set("http_response.code", code);
        out.set("http_response.status", in.text("status_msg"));
        if (code != null && code >= 100) {
            out.status(code < 400 ? 1 : 2);
        }
    }

    private static void ssh(Source in, OcsfEvent out) {
        Boolean success = ZeekMapper.bool(in, "auth_success");
        out.classify(OcsfClass.SSH_ACTIVITY, 99, success == null
                ? "Other"
                : success ? "Authorization Successful" : "Authorization Failed");
        if (success != null) {
            out.status(success ? 1 : 2);
        }
        out.set("count", in.number("auth_attempts"));
        out.set("protocol_ver", in.text("version"));
        String direction = in.text("direction");
        if (direction != null) {
            long id = switch (direction.toUpperCase(Locale.ROOT)) {
                case "INBOUND" -> 1;
                case "OUTBOUND" -> 2;
                default -> 0;
            };
            out.set("connection_info.direction_id", id);
        }
        hassh(in, out, "hassh", "client_hassh");
        hassh(in, out, "hasshServer", "server_hassh");
        agent(in, out, "client", "src_endpoint", "SSH Client");
        agent(in, out, "server", "dst_endpoint", "SSH Server");
    }

    private static void hassh(Source in, OcsfEvent out, String field, String path) {
        String value = in.text(field);
        if (value != null) {
            out.set(path + ".fingerprint.algorithm_id", 1L);
            out.set(path + ".fingerprint.algorithm", "MD5");
            out.set(path + ".fingerprint.value", value);
        }
    }

    private static void agent(Source in, OcsfEvent out, String field, String endpoint, String role) {
        String banner = in.text(field);
        if (banner != null) {
            ObjectNode agent = out.append(endpoint + ".agent_list");
            agent.put("name", role);
            agent.put("version", banner);
            agent.put("type_id", 99);
        }
    }

}
