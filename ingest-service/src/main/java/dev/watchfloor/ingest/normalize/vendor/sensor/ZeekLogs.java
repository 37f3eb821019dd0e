package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.Timestamps;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's connection-level logs: {@code conn.log} (Network Activity, the activity from {@code conn_state}) and
 * {@code ssl.log} (Network Activity with TLS details); {@code dns.log} and the other logs are handed on.
 */
final class ZeekLogs {

    private ZeekLogs() {
    }

    static void map(String log, Source in, OcsfEvent out) {
        switch (log) {
            case "conn" -> conn(in, out);
            case "ssl" -> ssl(in, out);
            case "dns" -> ZeekDnsLog.map(in, out);
            case "http", "ssh", "files", "smtp", "ftp" -> ZeekAppLogs.map(log, in, out);
            case "kerberos", "ntlm", "rdp", "dhcp", "smb_mapping", "smb_files" -> ZeekAccessLogs.map(log, in, out);
            case "notice", "weird" -> ZeekNoticeLogs.finding(log, in, out);
            default -> {
                if (log.startsWith("suricata") && in.peek("alert.signature") != null) {
                    SuricataEveMapper.alert(in, out); // Corelight writes Suricata alerts as a Zeek log
                }
                // anything else is classified by the caller from what the record holds
            }
        }
    }

    private static void conn(Source in, OcsfEvent out) {
        String state = in.text("conn_state");
        int activity = state == null ? 6 : switch (state.toUpperCase(Locale.ROOT)) {
            case "S1" -> 1;
            case "SF", "S2", "S3" -> 2;
            case "RSTO", "RSTR", "RSTOS0", "RSTRH" -> 3;
            case "S0", "SH", "SHR" -> 4;
            case "REJ" -> 5;
            default -> 6;
        };
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, switch (activity) {
            case 1 -> "Open";
            case 2 -> "Close";
            case 3 -> "Reset";
            case 4 -> "Fail";
            case 5 -> "Refuse";
            default -> "Traffic";
        });
        out.set("status_code", state);
        out.set("app_name", in.text("service"));
        Long duration = millis(in, "duration");
        out.set("duration", duration);
        if (out.time() != null && !out.time().flags().contains(Timestamps.Flag.UNREADABLE)
                && !out.time().flags().contains(Timestamps.Flag.MISSING)) {
            long start = out.time().utc().toEpochMilli(); // a conn record's ts is when the connection began
            out.set("start_time", start);
            out.set("end_time", duration == null ? null : start + duration);
        }
        Long bytesOut = in.number("orig_bytes");
        Long bytesIn = in.number("resp_bytes");
        Long packetsOut = in.number("orig_pkts");
        Long packetsIn = in.number("resp_pkts");
        out.set("traffic.bytes_out", bytesOut);
        out.set("traffic.bytes_in", bytesIn);
        out.set("traffic.packets_out", packetsOut);
        out.set("traffic.packets_in", packetsIn);
        if (bytesOut != null && bytesIn != null) {
            out.set("traffic.bytes", bytesOut + bytesIn);
        }
        if (packetsOut != null && packetsIn != null) {
            out.set("traffic.packets", packetsOut + packetsIn);
        }
        out.set("src_endpoint.mac", in.text("orig_l2_addr"));
        out.set("dst_endpoint.mac", in.text("resp_l2_addr"));
        out.set("src_endpoint.location.country", in.text("orig_cc"));
        out.set("dst_endpoint.location.country", in.text("resp_cc"));
    }

    private static void ssl(Source in, OcsfEvent out) {
        out.classify(OcsfClass.NETWORK_ACTIVITY, 6, "Traffic");
        out.set("app_name", "ssl");
        out.set("tls.version", in.text("version"));
        out.set("tls.cipher", in.text("cipher"));
        out.set("tls.sni", in.text("server_name"));
        String ja3 = in.text("ja3");
        if (ja3 != null) {
            out.set("tls.ja3_hash.algorithm_id", 1L);
            out.set("tls.ja3_hash.value", ja3);
        }
        String ja3s = in.text("ja3s");
        if (ja3s != null) {
            out.set("tls.ja3s_hash.algorithm_id", 1L);
            out.set("tls.ja3s_hash.value", ja3s);
        }
        out.set("tls.certificate.subject", in.text("subject"));
        out.set("tls.certificate.issuer", in.text("issuer"));
        Boolean established = ZeekMapper.bool(in, "established");
        if (established != null) {
            out.status(established ? 1 : 2);
        }
        out.set("status_detail", in.text("last_alert"));
    }

    /** A duration in seconds (Zeek's {@code interval}) as whole milliseconds; null when absent or odd. */
    static Long millis(Source in, String path) {
        JsonNode value = in.peek(path);
        if (value == null
                || !value.isNumber() && !value.asText().transform(Regexes.matches("\\d{1,12}(\\.\\d{1,12})?"))) {
            return null;
        }
        in.use(path);
        double seconds = value.asDouble();
        return seconds < 0 || seconds > 1e12 ? null : Math.round(seconds * 1000);
    }
}
