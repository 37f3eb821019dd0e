package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's transfer logs: {@code files.log} (Network File Activity with hashes and MIME type; upload when the originator
 * sent the file), {@code smtp.log} (Email Activity) and {@code ftp.log} (FTP Activity, the activity from the command).
 */
final class ZeekTransferLogs {

    private ZeekTransferLogs() {
    }

    static void map(String log, Source in, OcsfEvent out) {
        switch (log) {
            case "files" -> files(in, out);
            case "smtp" -> smtp(in, out);
            default -> ftp(in, out);
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
        for (String algorithm : new String[]{"md5", "sha1", "sha256"}) {
            NetworkFields.hash(out, "file.hashes", algorithm, in.text(algorithm));
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
