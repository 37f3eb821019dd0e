package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's access logs: {@code kerberos.log} and {@code ntlm.log} (Authentication; {@code user} is the account
 * authenticated), {@code rdp.log} (RDP Activity), {@code dhcp.log} (DHCP Activity, the activity from the last message
 * type), {@code smb_mapping.log} and {@code smb_files.log} (SMB Activity).
 */
final class ZeekAccessLogs {

    private ZeekAccessLogs() {
    }

    static void map(String log, Source in, OcsfEvent out) {
        switch (log) {
            case "kerberos" -> kerberos(in, out);
            case "ntlm" -> ntlm(in, out);
            case "rdp" -> rdp(in, out);
            case "dhcp" -> dhcp(in, out);
            default -> smb(log, in, out);
        }
    }

    private static void kerberos(Source in, OcsfEvent out) {
        String type = in.text("request_type");
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        int activity = t.equals("AS") ? 3 : t.equals("TGS") ? 4 : 99;
        out.classify(OcsfClass.AUTHENTICATION, activity,
                activity == 3 ? "Authentication Ticket" : activity == 4 ? "Service Ticket Request" : "Other");
        out.set("auth_protocol_id", 2L);
        out.set("auth_protocol", "Kerberos");
        String client = in.text("client");
        if (client != null) {
            int slash = client.lastIndexOf('/');
            out.set("user.name", slash < 0 ? client : client.substring(0, slash));
            out.set("user.domain", slash < 0 ? null : client.substring(slash + 1));
        }
        out.set("service.name", in.text("service"));
        success(in, out, "success");
        out.set("status_detail", in.text("error_msg"));
    }

    private static void ntlm(Source in, OcsfEvent out) {
        out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        out.set("auth_protocol_id", 1L);
        out.set("auth_protocol", "NTLM");
        out.set("user.name", in.text("username"));
        out.set("user.domain", in.text("domainname"));
        out.set("src_endpoint.hostname", in.text("hostname"));
        out.set("dst_endpoint.hostname", in.text("server_dns_computer_name", "server_nb_computer_name"));
        if (!success(in, out, "success")) {
            String status = in.text("status");
            if (status != null) {
                out.status(status.equalsIgnoreCase("SUCCESS") ? 1 : 2);
                out.set("status_detail", status);
            }
        }
    }

    private static void rdp(Source in, OcsfEvent out) {
        String result = in.text("result");
        out.classify(OcsfClass.RDP_ACTIVITY, result == null ? 3 : 4,
                result == null ? "Connect Request" : "Connect Response");
        String cookie = in.text("cookie");
        out.set("identifier_cookie", cookie);
        out.set("user.name", cookie);
        if (result != null) {
            out.status(result.equalsIgnoreCase("Success") ? 1 : 2);
            out.set("status_detail", result);
        }
        out.set("src_endpoint.hostname", in.text("client_name"));
        out.set("remote_display.width", in.number("desktop_width"));
        out.set("remote_display.height", in.number("desktop_height"));
        out.set("remote_display.color_depth", in.number("requested_color_depth"));
    }

    private static void dhcp(Source in, OcsfEvent out) {
        JsonNode types = in.peek("msg_types");
        String last = types != null && types.isArray() && !types.isEmpty()
                ? types.get(types.size() - 1).asText()
                : in.peekText("msg_types");
        String m = last == null ? "" : last.toUpperCase(Locale.ROOT);
        int activity = switch (m) {
            case "DISCOVER" -> 1;
            case "OFFER" -> 2;
            case "REQUEST" -> 3;
            case "DECLINE" -> 4;
            case "ACK" -> 5;
            case "NAK" -> 6;
            case "RELEASE" -> 7;
            case "INFORM" -> 8;
            default -> m.isEmpty() ? 0 : 99;
        };
        in.use("msg_types");
        out.classify(OcsfClass.DHCP_ACTIVITY, activity, m.isEmpty()
                ? "Unknown"
                : m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT));
        if (activity == 5 || activity == 6) {
            out.status(activity == 5 ? 1 : 2);
        }
        if (!out.has("src_endpoint.ip")) {
            out.set("src_endpoint.ip", in.text("client_addr", "assigned_addr"));
            out.set("dst_endpoint.ip", in.text("server_addr"));
        }
        out.set("src_endpoint.mac", in.text("mac"));
        out.set("src_endpoint.hostname", in.text("host_name"));
        out.set("src_endpoint.domain", in.text("domain"));
        Long lease = ZeekLogs.millis(in, "lease_time");
        out.set("lease_dur", lease == null ? null : lease / 1000);
        out.set("transaction_uid", in.text("trans_id"));
        if (!out.has("metadata.uid")) {
            out.set("metadata.uid", in.text("uids.0"));
        }
    }

    private static void smb(String log, Source in, OcsfEvent out) {
        if (log.equals("smb_mapping")) {
            out.classify(OcsfClass.SMB_ACTIVITY, 99, "Tree Connect");
            out.set("share", in.text("path"));
            out.set("share_type", in.text("share_type"));
            out.set("share_type_id", switch (String.valueOf(in.peekText("share_type"))) {
                case "DISK" -> 1L;
                case "PIPE" -> 2L;
                case "PRINT" -> 3L;
                default -> 0L;
            });
            out.set("app_name", in.text("service"));
            return;
        }
        String action = in.text("action");
        String a = action == null ? "" : action.toUpperCase(Locale.ROOT).replace("SMB::", "");
        out.classify(OcsfClass.SMB_ACTIVITY, a.equals("FILE_OPEN") ? 2 : 99, a.isEmpty() ? "Other" : a);
        out.set("share", in.text("path"));
        out.set("file.name", in.text("name"));
        out.set("file.size", in.number("size"));
        out.set("file.uid", in.text("fuid"));
    }

    /** A boolean success field to status; whether it was there. */
    private static boolean success(Source in, OcsfEvent out, String field) {
        Boolean success = ZeekMapper.bool(in, field);
        if (success != null) {
            out.status(success ? 1 : 2);
        }
        return success != null;
    }
}
