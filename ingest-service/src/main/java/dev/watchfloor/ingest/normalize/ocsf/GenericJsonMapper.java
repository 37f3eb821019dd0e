package dev.watchfloor.ingest.normalize.ocsf;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;

/**
 * Best effort for JSON no vendor mapper claims: common field names (flat, or the ECS/OCSF-like nesting many tools
 * write) into OCSF. An alert becomes a Detection Finding, an event a Base Event. Only the fields named here are read;
 * the rest is kept in {@code unmapped}, and no entity is ever taken from it.
 */
public final class GenericJsonMapper implements Mapper {

    public static final String ID = "json";

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
        String product = in.text("source", "product", "vendor");
        out.product(in.text("vendor_name"), product == null ? "Generic JSON" : product);
        String title = in.text("title", "summary", "name", "message", "event", "action");
        if (ctx.alert()) {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
            out.set("finding_info.title", title);
            out.set("finding_info.uid", in.text("id", "alert_id", "uid"));
            out.set("finding_info.analytic.name", in.text("detection.name", "rule", "rule_name", "signature"));
            String technique = in.text("detection.technique", "technique", "attack.technique");
            if (technique != null) {
                out.append("finding_info.attacks").putObject("technique").put("uid",
                        technique.toUpperCase(Locale.ROOT));
            }
        } else {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
            out.set("activity_name", in.text("activity", "event_type", "action"));
        }
        out.set("message", title);
        out.severity(severity(in));
        out.time(ctx.time(first(in, "time", "timestamp", "@timestamp", "observed_at", "event_time", "eventTime")));
        String outcome = in.text("outcome", "status", "result");
        if (outcome != null) {
            out.status(status(outcome));
            out.set("status_detail", outcome);
        }

        JsonNode user = in.peek("user");
        out.set("actor.user.name", user != null && user.isObject()
                ? in.text("user.name")
                : in.text("user",
                        "username", "user_name", "account", "account_name"));
        out.set("actor.user.email_addr", in.text("user.email", "email"));
        out.set("src_endpoint.ip", in.text("src_ip", "source_ip", "srcip", "client_ip", "remote_ip", "source.ip",
                "src_endpoint.ip"));
        out.port("src_endpoint.port", in.text("src_port", "source_port", "source.port", "src_endpoint.port"));
        out.set("dst_endpoint.ip", in.text("dst_ip", "dest_ip", "destination_ip", "dstip", "destination.ip",
                "dst_endpoint.ip"));
        out.port("dst_endpoint.port", in.text("dst_port", "dest_port", "destination_port", "destination.port",
                "dst_endpoint.port"));
        JsonNode host = in.peek("host");
        out.set("device.hostname", host != null && host.isObject()
                ? in.text("host.name", "host.hostname")
                : in.text("host", "hostname", "device.hostname", "computer", "computer_name", "device_name"));
        out.set("device.ip", in.text("device.ip", "host_ip"));
        out.set("device.os.name", in.text("device.os"));
        out.set("process.name", in.text("process_name", "process.name", "process", "image"));
        out.set("process.cmd_line", in.text("command_line", "cmdline", "process.command_line"));
        out.set("process.parent_process.name", in.text("parent_process", "parent_process_name",
                "parent_image"));
        for (String[] hash : new String[][]{{"sha256", "SHA-256", "3"}, {"sha1", "SHA-1", "2"}, {"md5", "MD5", "1"}}) {
            String value = in.text(hash[0], "file." + hash[0], "hash." + hash[0]);
            if (value != null) {
                var h = out.append("file.hashes");
                h.put("algorithm_id", Integer.parseInt(hash[2]));
                h.put("algorithm", hash[1]);
                h.put("value", value);
            }
        }
        out.set("file.name", in.text("file_name", "file.name"));
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
        int id = Severities.of(in.peek("severity"));
        if (id > 0) {
            in.use("severity");
            return id;
        }
        id = Severities.of(in.peek("level"));
        if (id > 0) {
            in.use("level");
        }
        return id;
    }

    static int status(String outcome) {
        return switch (outcome.toLowerCase(Locale.ROOT)) {
            case "success", "succeeded", "successful", "allowed", "allow", "ok", "pass", "passed" -> 1;
            case "failure", "failed", "fail", "denied", "deny", "blocked", "block", "error" -> 2;
            default -> 99;
        };
    }
}
