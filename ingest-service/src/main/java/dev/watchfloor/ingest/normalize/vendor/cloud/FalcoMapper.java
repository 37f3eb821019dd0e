package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * Falco alerts in JSON output (Falco documentation, "Outputs" / {@code json_output: true}, as Falco and Falcosidekick
 * send them: {@code time}, {@code rule}, {@code priority}, {@code output}, {@code output_fields}, {@code source},
 * {@code tags}, {@code hostname}, {@code uuid}) to Detection Finding: the rule as title and analytic, the priority as
 * severity (Emergency to Debug), MITRE technique tags as attacks, and the documented output fields of the event (user,
 * process and parent, container, Kubernetes pod, file descriptor addresses; the k8saudit plugin's user and target, the
 * cloudtrail plugin's user and source address) as OCSF objects.
 */
public final class FalcoMapper implements Mapper {

    private static final int MAX_TAGS = 64;
    private static final String OF = "output_fields.";

    @Override
    public String id() {
        return "falco";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        return Fields.peek(f, "rule") != null && Fields.peek(f, "priority") != null && Fields.peek(f, "output") != null
                && (Fields.has(f, "output_fields") || Fields.has(f, "time"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        out.time(ctx.time(Fields.scalar(in, "time", OF + "evt.time")));
        String priority = in.text("priority");
        out.severity(Severities.of(priority));
        out.product("Falcosecurity", "Falco");
        String rule = in.text("rule");
        String output = in.text("output");
        out.set("message", output != null ? output : rule);
        out.set("metadata.uid", in.text("uuid"));
        out.set("finding_info.uid", out.text("metadata.uid"));
        out.set("finding_info.title", rule);
        out.set("finding_info.desc", output);
        out.set("finding_info.analytic.name", rule);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        String source = in.text("source");
        if (source != null) {
            out.set("finding_info.types", JsonNodeFactory.instance.arrayNode().add(source));
        }
        out.set("device.hostname", in.text("hostname"));
        tags(in, out);
        fields(in, out);
    }

    /** {@code tags}: kept as labels; MITRE technique ids ({@code T1059}, {@code T1003.001}) as attacks. */
    private static void tags(Source in, OcsfEvent out) {
        JsonNode tags = in.peek("tags");
        int n = tags != null && tags.isArray() ? Math.min(tags.size(), MAX_TAGS) : 0;
        ArrayNode labels = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) {
            String tag = in.text("tags." + i);
            if (tag == null) {
                continue;
            }
            labels.add(tag);
            if (tag.transform(Regexes.matches("(?i)T\\d{4}(\\.\\d{3})?"))) {
                out.append("finding_info.attacks").putObject("technique").put("uid", tag.toUpperCase(
                        java.util.Locale.ROOT));
            }
        }
        if (!labels.isEmpty()) {
            out.set("metadata.labels", labels);
        }
    }

    /** The documented Falco fields of the event that fired (Falco "Supported fields"). */
    private static void fields(Source in, OcsfEvent out) {
        out.set("actor.user.name", in.text(OF + "user.name", OF + "ka.user.name", OF + "ct.user"));
        out.set("actor.user.uid", in.text(OF + "user.uid"));
        out.set("process.name", in.text(OF + "proc.name"));
        pid(in.number(OF + "proc.pid"), "process.pid", out);
        out.set("process.cmd_line", in.text(OF + "proc.cmdline"));
        out.set("process.file.path", in.text(OF + "proc.exepath", OF + "proc.exe"));
        out.set("process.cwd", in.text(OF + "proc.cwd"));
        out.set("process.parent_process.name", in.text(OF + "proc.pname"));
        pid(in.number(OF + "proc.ppid"), "process.parent_process.pid", out);
        out.set("process.parent_process.cmd_line", in.text(OF + "proc.pcmdline"));
        out.set("container.uid", in.text(OF + "container.id"));
        out.set("container.name", in.text(OF + "container.name"));
        out.set("container.image.name", in.text(OF + "container.image.repository"));
        out.set("container.image.tag", in.text(OF + "container.image.tag"));
        out.set("container.image.uid", in.text(OF + "container.image.id"));
        out.set("container.pod_uuid", in.text(OF + "k8s.pod.uid"));
        resource(out, "pod", in.text(OF + "k8s.pod.name"), in.text(OF + "k8s.ns.name"));
        resource(out, in.text(OF + "ka.target.resource"), in.text(OF + "ka.target.name"),
                in.text(OF + "ka.target.namespace"));
        String auditSource = in.text(OF + "ct.srcip");
        if (Fields.isIp(auditSource)) {
            out.set("src_endpoint.ip", auditSource);
        }
        String file = in.text(OF + "fd.name");
        String type = in.peekText(OF + "fd.type");
        if (file != null && (type == null || type.equals("file") || type.equals("directory"))
                && file.startsWith("/")) {
            out.set("file.path", file);
            out.set("file.name", file.substring(file.lastIndexOf('/') + 1));
        }
        endpoint(in.text(OF + "fd.cip"), in.text(OF + "fd.cport"), "src_endpoint", out);
        endpoint(in.text(OF + "fd.sip"), in.text(OF + "fd.sport"), "dst_endpoint", out);
    }

    /** A Kubernetes object the event concerns: the pod of a syscall event, the target of a k8s audit event. */
    private static void resource(OcsfEvent out, String type, String name, String namespace) {
        if (name == null && namespace == null) {
            return;
        }
        ObjectNode resource = out.append("resources");
        if (type != null) {
            resource.put("type", type);
        }
        if (name != null) {
            resource.put("name", name);
        }
        if (namespace != null) {
            resource.put("namespace", namespace);
        }
    }

    private static void pid(Long pid, String path, OcsfEvent out) {
        if (pid != null && pid >= 0 && pid <= Integer.MAX_VALUE) {
            out.set(path, pid);
        }
    }

    private static void endpoint(String ip, String port, String at, OcsfEvent out) {
        if (Fields.isIp(ip)) {
            out.set(at + ".ip", ip);
            out.port(at + ".port", port);
        }
    }
}
