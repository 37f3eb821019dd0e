package dev.watchfloor.ingest.normalize.ocsf;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;

/**
 * Best effort for JSON no vendor mapper claims: common field names (flat in the spellings tools use, snake_case and
 * camelCase, or the ECS/OCSF-like nesting many tools write) into OCSF. An alert becomes a Detection Finding, an event a
 * Base Event. Only the fields named here are read, at the top level or under the named objects; the rest is kept in
 * {@code unmapped}, and no entity is ever taken from it. A field that may hold an address or a name ({@code src},
 * {@code dst}) gives an IP only when it is one.
 */
public final class GenericJsonMapper implements Mapper {

    public static final String ID = "json";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern
            .compile("[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}(:\\d{1,3}(\\.\\d{1,3}){3})?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean matches(Parsed record) {
        return true;
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String source = in.peekText("source");
        String product = isIp(source) ? in.text("product", "vendor") : in.text("source", "product", "vendor");
        out.product(in.text("vendor_name"), product == null ? "Generic JSON" : product);
        String title = in.text("title", "summary", "name", "message", "event", "action");
        if (ctx.alert()) {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
            finding(in, out, title);
        } else {
            String activity = in.text("activity", "event_type", "eventType", "action", "event_action");
            out.classify(OcsfClass.BASE_EVENT, activity == null ? 0 : 99, activity == null ? "Unknown" : activity);
        }
        out.set("message", title);
        out.severity(severity(in));
        out.time(ctx.time(first(in, "time", "timestamp", "@timestamp", "observed_at", "event_time", "eventTime")));
        String outcome = in.text("outcome", "event_outcome", "status", "result");
        if (outcome != null) {
            out.status(status(outcome));
            out.set("status_detail", outcome);
        }
        users(in, out);
        endpoints(in, out);
        device(in, out);
        out.set("process.name", in.text("process_name", "processName", "process.name", "process", "image"));
        out.set("process.pid", in.number("pid", "process_id", "processId", "process.pid"));
        out.set("process.cmd_line", in.text("command_line", "commandLine", "cmdline", "process.command_line"));
        out.set("process.parent_process.name", in.text("parent_process", "parent_process_name",
                "parentProcessName", "parent_image"));
        for (String[] hash : new String[][]{{"sha256", "SHA-256", "3"}, {"sha1", "SHA-1", "2"}, {"md5", "MD5", "1"}}) {
            String value = in.text(hash[0], "file." + hash[0], "hash." + hash[0], "file.hash." + hash[0]);
            if (value != null) {
                var h = out.append("file.hashes");
                h.put("algorithm_id", Integer.parseInt(hash[2]));
                h.put("algorithm", hash[1]);
                h.put("value", value);
            }
        }
        out.set("file.name", in.text("file_name", "fileName", "filename", "file.name"));
        out.set("file.path", in.text("file_path", "filePath", "file.path"));
    }

    private static void finding(Source in, OcsfEvent out, String title) {
        out.set("finding_info.title", title);
        out.set("finding_info.uid", in.text("id", "alert_id", "alertId", "uid"));
        out.set("finding_info.analytic.name", in.text("detection.name", "rule", "rule_name", "ruleName",
                "rule.name", "signature"));
        String technique = in.text("detection.technique", "technique", "technique_id", "attack.technique",
                "mitre_technique");
        if (technique != null) {
            out.append("finding_info.attacks").putObject("technique").put("uid",
                    technique.toUpperCase(Locale.ROOT));
        }
    }

    /** The acting user (a name, or a {@code user} object) and a target user when one is named apart. */
    private static void users(Source in, OcsfEvent out) {
        JsonNode user = in.peek("user");
        out.set("actor.user.name", user != null && user.isObject()
                ? in.text("user.name", "username", "user_name", "userName")
                : in.text("user", "username", "user_name", "userName", "account", "account_name",
                        "accountName"));
        out.set("actor.user.email_addr", in.text("user.email", "email", "user_email"));
        out.set("actor.user.domain", in.text("user.domain", "domain_name"));
        out.set("user.name", in.text("target_user", "target_user_name", "targetUserName", "target_username"));
    }

    private static void endpoints(Source in, OcsfEvent out) {
        out.set("src_endpoint.ip", ip(in, "src_ip", "source_ip", "srcip", "src_addr", "source_address",
                "sourceAddress", "client_ip", "clientIp", "remote_ip", "remote_addr", "source.ip", "client.ip",
                "src_endpoint.ip", "src", "source"));
        out.port("src_endpoint.port", in.text("src_port", "source_port", "sport", "srcport", "client_port",
                "sourcePort", "source.port", "client.port", "src_endpoint.port"));
        out.set("dst_endpoint.ip", ip(in, "dst_ip", "dest_ip", "destination_ip", "dstip", "dst_addr",
                "destination_address", "destinationAddress", "server_ip", "destination.ip", "server.ip",
                "dst_endpoint.ip", "dst", "dest", "destination"));
        out.port("dst_endpoint.port", in.text("dst_port", "dest_port", "destination_port", "dport", "dstport",
                "server_port", "destinationPort", "destination.port", "server.port", "dst_endpoint.port"));
    }

    private static void device(Source in, OcsfEvent out) {
        JsonNode host = in.peek("host");
        out.set("device.hostname", host != null && host.isObject()
                ? in.text("host.name", "host.hostname")
                : in.text("host", "hostname", "host_name", "hostName", "device.hostname", "device.name",
                        "computer", "computer_name", "computerName", "device_name", "deviceName"));
        out.set("device.ip", ip(in, "device.ip", "host_ip", "hostIp", "host.ip"));
        out.set("device.os.name", in.text("device.os", "os"));
    }

    /** The first named field that holds an IP address; marks only that one read. */
    private static String ip(Source in, String... paths) {
        for (String path : paths) {
            String value = in.peekText(path);
            if (isIp(value)) {
                in.use(path);
                return value;
            }
        }
        return null;
    }

    /** An IPv4 or IPv6 literal (a zone index allowed); never a name, and never looked up. */
    static boolean isIp(String value) {
        if (value == null || value.length() > 64) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            for (String octet : value.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }
        String address = value.indexOf('%') > 0 ? value.substring(0, value.indexOf('%')) : value;
        long colons = address.chars().filter(c -> c == ':').count();
        return IPV6.matcher(address).matches() && (address.contains("::") || colons == 7);
    }

    private static JsonNode first(Source in, String... paths) {
        for (String path : paths) {
            JsonNode value = in.peek(path);
            if (value != null && value.isValueNode()) {
                return in.node(path);
            }
        }
        return null;
    }

    /** OCSF's own {@code severity_id} when it is a known id (1-6), else {@code severity} as a word or a number. */
    static int severity(Source in) {
        int ocsf = Severities.of(in.peek("severity_id"));
        if (ocsf > 0) {
            in.use("severity_id", "severity");
            return ocsf;
        }
        for (String path : new String[]{"severity", "level"}) {
            int id = Severities.of(in.peek(path));
            if (id > 0) {
                in.use(path);
                return id;
            }
        }
        return 0;
    }

    static int status(String outcome) {
        return switch (outcome.toLowerCase(Locale.ROOT)) {
            case "success", "succeeded", "successful", "allowed", "allow", "ok", "pass", "passed" -> 1;
            case "failure", "failed", "fail", "denied", "deny", "blocked", "block", "error" -> 2;
            default -> 99;
        };
    }
}
