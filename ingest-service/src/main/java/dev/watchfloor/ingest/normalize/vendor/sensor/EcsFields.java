package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * The ECS field sets Watchfloor pivots on, into OCSF: {@code source}/{@code destination} (or {@code client}/
 * {@code server}), {@code user} (and {@code user.target}), {@code host}, {@code process} (and {@code process.parent}),
 * {@code file} with {@code file.hash.*}, {@code dns}, {@code url}/{@code http}/{@code user_agent}, {@code network}; and
 * for alerts {@code rule} and {@code threat} (ATT&CK technique and sub-technique ids).
 */
final class EcsFields {

    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private EcsFields() {
    }

    static void map(Source in, OcsfEvent out) {
        endpoints(in, out);
        users(in, out);
        out.set("device.hostname", in.text("host.name", "host.hostname"));
        out.set("device.ip", in.text("host.ip.0", "host.ip"));
        out.set("device.uid", in.text("host.id"));
        out.set("device.os.name", in.text("host.os.name"));
        process(in, out);
        out.set("file.path", in.text("file.path"));
        out.set("file.name", in.text("file.name"));
        out.set("file.size", in.number("file.size"));
        hashes(in, out, "file.hash", "file.hashes");
        out.set("query.hostname", in.text("dns.question.name"));
        out.set("query.type", in.text("dns.question.type"));
        out.set("rcode", in.text("dns.response_code"));
        out.set("http_request.http_method", in.text("http.request.method"));
        out.set("http_request.url.url_string", in.text("url.full", "url.original"));
        out.set("http_request.url.hostname", in.text("url.domain"));
        out.set("http_request.url.path", in.text("url.path"));
        out.set("http_request.user_agent", in.text("user_agent.original"));
        out.set("http_response.code", in.number("http.response.status_code"));
        String transport = in.text("network.transport");
        out.set("connection_info.protocol_name", transport == null ? null : transport.toLowerCase(Locale.ROOT));
        out.set("connection_info.community_uid", in.text("network.community_id"));
        String direction = in.text("network.direction");
        if (direction != null) {
            long id = switch (direction.toLowerCase(Locale.ROOT)) {
                case "inbound", "ingress" -> 1;
                case "outbound", "egress" -> 2;
                case "internal" -> 3;
                default -> 99;
            };
            out.set("connection_info.direction_id", id);
        }
    }

    private static void endpoints(Source in, OcsfEvent out) {
        out.set("src_endpoint.ip", in.text("source.ip", "client.ip"));
        out.port("src_endpoint.port", in.text("source.port", "client.port"));
        out.set("src_endpoint.hostname", in.text("source.domain", "client.domain"));
        out.set("src_endpoint.mac", in.text("source.mac"));
        out.set("dst_endpoint.ip", in.text("destination.ip", "server.ip"));
        out.port("dst_endpoint.port", in.text("destination.port", "server.port"));
        out.set("dst_endpoint.hostname", in.text("destination.domain", "server.domain"));
        out.set("dst_endpoint.mac", in.text("destination.mac"));
    }

    /**
     * The acting user is {@code user}; the account acted on is {@code user.target}. For Authentication the account
     * authenticated is {@code user}: {@code user.target} when there is one, else {@code user}.
     */
    private static void users(Source in, OcsfEvent out) {
        boolean auth = out.ocsfClass() == OcsfClass.AUTHENTICATION;
        boolean target = in.peek("user.target.name") != null;
        String actor = auth && !target ? "user" : "actor.user";
        out.set(actor + ".name", in.text("user.name"));
        out.set(actor + ".domain", in.text("user.domain"));
        out.set(actor + ".uid", in.text("user.id"));
        out.set(actor + ".email_addr", in.text("user.email"));
        out.set("user.name", in.text("user.target.name"));
        out.set("user.domain", in.text("user.target.domain"));
        out.set("user.uid", in.text("user.target.id"));
        out.set("group.name", in.text("group.name", "user.target.group.name"));
        out.set("group.uid", in.text("group.id", "user.target.group.id"));
    }

    private static void process(Source in, OcsfEvent out) {
        out.set("process.name", in.text("process.name"));
        out.set("process.pid", in.number("process.pid"));
        out.set("process.cmd_line", in.text("process.command_line"));
        executable(in, out, "process.executable", "process.file");
        hashes(in, out, "process.hash", "process.file.hashes");
        out.set("process.parent_process.name", in.text("process.parent.name"));
        out.set("process.parent_process.pid", in.number("process.parent.pid"));
        out.set("process.parent_process.cmd_line", in.text("process.parent.command_line"));
        executable(in, out, "process.parent.executable", "process.parent_process.file");
    }

    private static void executable(Source in, OcsfEvent out, String field, String file) {
        String path = in.text(field);
        if (path != null) {
            out.set(file + ".path", path);
            out.set(file + ".name", path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
        }
    }

    private static void hashes(Source in, OcsfEvent out, String prefix, String target) {
        for (String algorithm : new String[]{"md5", "sha1", "sha256", "sha512"}) {
            NetworkFields.hash(out, target, algorithm, in.text(prefix + "." + algorithm));
        }
    }

    /** Rule and ATT&CK fields of an alert (ECS {@code rule}, {@code threat}; Elastic Security's kibana.alert.*). */
    static void finding(Source in, OcsfEvent out) {
        String rule = in.text("rule.name", "kibana.alert.rule.name", "signal.rule.name");
        out.set("finding_info.title", rule != null ? rule : out.text("message"));
        out.set("finding_info.uid", in.text("kibana.alert.uuid", "event.id", "signal.rule.id"));
        if (!out.has("finding_info.uid")) {
            out.set("finding_info.uid", out.text("metadata.uid"));
        }
        out.set("finding_info.analytic.name", rule);
        out.set("finding_info.analytic.uid", in.text("rule.id", "rule.uuid", "kibana.alert.rule.uuid"));
        out.set("finding_info.desc", in.text("rule.description", "kibana.alert.reason"));
        Set<String> ids = new LinkedHashSet<>();
        for (String path : new String[]{"threat", "kibana.alert.rule.threat", "signal.rule.threat"}) {
            JsonNode threat = in.peek(path);
            if (threat != null) {
                collect(threat, ids, 0);
                if (!ids.isEmpty()) {
                    in.use(path);
                }
            }
        }
        ids.removeIf(id -> !id.contains(".") && ids.stream().anyMatch(other -> other.startsWith(id + ".")));
        ids.stream().limit(50).forEach(id -> out.append("finding_info.attacks").putObject("technique").put("uid",
                id));
    }

    /** Technique ids under {@code technique}/{@code subtechnique} objects or arrays, as ECS nests them. */
    private static void collect(JsonNode node, Set<String> ids, int depth) {
        if (node == null || depth > 6 || ids.size() > 100) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, ids, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (String key : new String[]{"technique", "subtechnique"}) {
            JsonNode t = node.get(key);
            if (t == null) {
                continue;
            }
            for (JsonNode item : t.isArray() ? t : java.util.List.of(t)) {
                JsonNode id = item.get("id");
                for (JsonNode v : id != null && id.isArray() ? id : java.util.List.of(id == null ? item : id)) {
                    String text = v.isValueNode() ? v.asText().strip().toUpperCase(Locale.ROOT) : "";
                    if (TECHNIQUE.matcher(text).matches()) {
                        ids.add(text);
                    }
                }
                collect(item, ids, depth + 1);
            }
        }
    }
}
