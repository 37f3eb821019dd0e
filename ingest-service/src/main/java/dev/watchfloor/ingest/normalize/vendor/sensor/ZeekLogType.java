package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which Zeek log a record belongs to: {@code _path} when the writer put it there (Corelight, the TSV header, many
 * shippers), else the fields that only that log has (Zeek's base scripts, {@code conn.log} to {@code x509.log}). Reads
 * without marking anything used.
 */
final class ZeekLogType {

    /** The logs the mappers know by name; a {@code <log>_<variant>} path is read as its base log. */
    private static final Set<String> KNOWN = Set.of("conn", "dns", "http", "ssl", "ssh", "files", "smtp", "ftp",
            "kerberos", "ntlm", "rdp", "dhcp", "smb_mapping", "smb_files", "notice", "weird");

    private ZeekLogType() {
    }

    /** The log name ({@code conn}, {@code dns}, ...), or null when nothing marks the record as a known Zeek log. */
    static String of(JsonNode fields) {
        JsonNode path = fields.get("_path");
        if (path != null && path.isTextual() && !path.asText().isBlank()) {
            String name = path.asText().strip().toLowerCase(Locale.ROOT);
            int cut = name.indexOf('_');
            // Corelight and site scripts write variants of a base log: conn_long, dns_red, http_2, ...
            return KNOWN.contains(name) || cut < 0 || !KNOWN.contains(name.substring(0, cut))
                    ? name
                    : name.substring(0, cut);
        }
        return fromFields(fields);
    }

    private static String fromFields(JsonNode f) {
        if (has(f, "conn_state") || has(f, "orig_pkts") && has(f, "resp_pkts")) {
            return "conn";
        }
        if (has(f, "qtype_name") || has(f, "qtype")
                || has(f, "trans_id") && (has(f, "query") || has(f, "rcode") || has(f, "AA") || has(f, "rejected"))
                || has(f, "rcode_name")) {
            return "dns";
        }
        if (has(f, "request_path") || has(f, "response_path") || has(f, "call_id")) {
            return "sip";
        }
        if (has(f, "trans_depth") && (has(f, "method") || has(f, "status_code") || has(f, "uri")
                || has(f, "request_body_len") || has(f, "response_body_len"))) {
            return "http";
        }
        if (has(f, "trans_depth") && (has(f, "helo") || has(f, "mailfrom") || has(f, "rcptto"))) {
            return "smtp";
        }
        if (has(f, "fuid") && (has(f, "seen_bytes") || has(f, "mime_type") || has(f, "analyzers"))) {
            return "files";
        }
        if (has(f, "fingerprint") && (has(f, "certificate.version") || has(f, "certificate.subject"))) {
            return "x509";
        }
        if (has(f, "ssl_history") || has(f, "established") && (has(f, "cipher") || has(f, "resumed"))) {
            return "ssl";
        }
        if (has(f, "auth_attempts") || has(f, "host_key") || has(f, "hassh")) {
            return "ssh";
        }
        if (has(f, "request_type") || has(f, "till") && has(f, "forwardable")) {
            return "kerberos";
        }
        if (has(f, "server_nb_computer_name") || has(f, "server_dns_computer_name")) {
            return "ntlm";
        }
        if (has(f, "cookie") && has(f, "result") || has(f, "keyboard_layout")) {
            return "rdp";
        }
        return byRareFields(f);
    }

    private static String byRareFields(JsonNode f) {
        if (has(f, "msg_types")) {
            return "dhcp";
        }
        if (has(f, "share_type")) {
            return "smb_mapping";
        }
        JsonNode action = f.get("action");
        if (action != null && action.asText().startsWith("SMB::")) {
            return "smb_files";
        }
        if (has(f, "note") && (has(f, "msg") || has(f, "actions"))) {
            return "notice";
        }
        if (has(f, "name") && has(f, "notice") && (has(f, "peer") || has(f, "addl"))) {
            return "weird";
        }
        if (has(f, "community") || has(f, "get_requests")) {
            return "snmp";
        }
        if (has(f, "bound.host") || has(f, "request.host")) {
            return "socks";
        }
        if (has(f, "connect_status")) {
            return "mqtt_connect";
        }
        if (has(f, "compile_ts") || has(f, "machine") && has(f, "is_exe")) {
            return "pe";
        }
        if (has(f, "analyzer") && has(f, "failure_reason")) {
            return "dpd";
        }
        if (has(f, "command") && has(f, "reply_code")) {
            return "ftp";
        }
        if (has(f, "software_type")) {
            return "software";
        }
        if (has(f, "tunnel_type")) {
            return "tunnel";
        }
        return null;
    }

    /** A literal dotted key ({@code id.orig_h}) or the same path nested, present and not null. */
    static boolean has(JsonNode fields, String path) {
        JsonNode literal = fields.get(path);
        if (literal != null) {
            return !literal.isNull();
        }
        JsonNode node = fields;
        for (String segment : path.split("\\.")) {
            node = node != null && node.isObject() ? node.get(segment) : null;
        }
        return node != null && !node.isNull();
    }
}
