package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's application logs: {@code http.log} (HTTP Activity, the activity from the method), {@code ssh.log} (SSH
 * Activity, the status from {@code auth_success}), {@code files.log} (Network File Activity with hashes and MIME type),
 * {@code smtp.log} (Email Activity) and {@code ftp.log} (FTP Activity).
 */
final class ZeekAppLogs {

    private ZeekAppLogs() {
    }

    static void map(String log, Source in, OcsfEvent out) {
        switch (log) {
            case "http" -> http(in, out);
            case "ssh" -> ssh(in, out);
            case "files" -> files(in, out);
            case "smtp" -> smtp(in, out);
            default -> ftp(in, out);
        }
    }

    private static void http(Source in, OcsfEvent out) {
        String method = in.text("method");
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
        String name = m.isEmpty() ? "Unknown" : m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT);
        out.classify(OcsfClass.HTTP_ACTIVITY, activity, name);
        out.set("http_request.http_method", method);
        String host = in.text("host");
        String uri = in.text("uri");
        out.set("http_request.url.hostname", host);
        if (uri != null) {
            int q = uri.indexOf('?');
            out.set("http_request.url.path", q < 0 ? uri : uri.substring(0, q));
            out.set("http_request.url.query_string", q < 0 ? null : uri.substring(q + 1));
            out.set("http_request.url.url_string", host == null ? uri : "http://" + host + uri);
        }
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

    private static void files(Source in, OcsfEvent out) {
        Boolean sentByOriginator = ZeekMapper.bool(in, "is_orig");
        boolean upload = Boolean.TRUE.equals(sentByOriginator);
        out.classify(OcsfClass.NETWORK_FILE_ACTIVITY, upload ? 1 : 2, upload ? "Upload" : "Download");
        if (!out.has("src_endpoint.ip")) {
            out.set("src_endpoint.ip", in.text("tx_hosts.0", "tx_hosts"));
            out.set("dst_endpoint.ip", in.text("rx_hosts.0", "rx_hosts"));
        }
        if (!out.has("metadata.uid")) {
            out.set("metadata.uid", in.text("conn_uids.0"));
        }
        out.set("file.uid", in.text("fuid"));
        out.set("file.name", in.text("filename"));
        out.set("file.mime_type", in.text("mime_type"));
        out.set("file.size", in.number("total_bytes", "seen_bytes"));
        out.set("app_name", in.text("source"));
        hashes(in, out);
    }

    /** {@code md5}, {@code sha1}, {@code sha256} as OCSF fingerprints of {@code file}. */
    static void hashes(Source in, OcsfEvent out) {
        String[][] kinds = {{"md5", "1", "MD5"}, {"sha1", "2", "SHA-1"}, {"sha256", "3", "SHA-256"}};
        for (String[] kind : kinds) {
            String value = in.text(kind[0]);
            if (value != null && value.matches("[0-9a-fA-F]{32,128}")) {
                ObjectNode h = out.append("file.hashes");
                h.put("algorithm_id", Integer.parseInt(kind[1]));
                h.put("algorithm", kind[2]);
                h.put("value", value.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static void smtp(Source in, OcsfEvent out) {
        out.classify(OcsfClass.EMAIL_ACTIVITY, 1, "Send");
        out.set("direction_id", 0L);
        out.set("email.smtp_from", in.text("mailfrom"));
        list(in, out, "rcptto", "email.smtp_to");
        out.set("email.from", in.text("from"));
        list(in, out, "to", "email.to");
        list(in, out, "cc", "email.cc");
        out.set("email.subject", in.text("subject"));
        out.set("email.message_uid", in.text("msg_id"));
        out.set("email.x_originating_ip", in.text("x_originating_ip"));
        out.set("src_endpoint.hostname", in.text("helo"));
    }

    private static void ftp(Source in, OcsfEvent out) {
        String command = in.text("command");
        String c = command == null ? "" : command.toUpperCase(Locale.ROOT);
        int activity = switch (c) {
            case "STOR", "STOU", "APPE" -> 1;
            case "RETR" -> 2;
            case "DELE", "RMD" -> 4;
            case "RNFR", "RNTO" -> 5;
            case "LIST", "NLST", "MLSD" -> 6;
            default -> 99;
        };
        out.classify(OcsfClass.FTP_ACTIVITY, activity, command == null ? "Other" : command);
        out.set("command", command);
        out.set("name", in.text("arg"));
        out.set("file.mime_type", in.text("mime_type"));
        out.set("file.size", in.number("file_size"));
        Long reply = in.number("reply_code");
        if (reply != null) {
            out.status(reply < 400 ? 1 : 2);
        }
        out.set("status_detail", in.text("reply_msg"));
    }

    private static void list(Source in, OcsfEvent out, String field, String path) {
        JsonNode value = in.peek(field);
        if (value != null && value.isArray()) {
            out.set(path, in.node(field).deepCopy());
        } else if (value != null && value.isValueNode()) {
            String text = in.text(field);
            if (text != null) {
                out.set(path, JsonNodeFactory.instance.arrayNode().add(text));
            }
        }
    }
}
