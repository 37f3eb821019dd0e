package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * CrowdStrike Falcon alerts as the Alerts API returns them ({@code /alerts/entities/alerts/v2}: {@code composite_id},
 * {@code device.*}, {@code tactic_id}, {@code technique_id}, {@code severity} 0-100, {@code cmdline}, {@code filepath},
 * {@code sha256}, {@code parent_details}) and detections of the older Detects API
 * ({@code /detects/entities/summaries/GET/v1}: {@code detection_id}, {@code device}, {@code behaviors[]},
 * {@code max_severity}), as Detection Findings whose attacks keep every technique id (sub-techniques too).
 */
final class CrowdStrikeAlerts {

    private final Source in;
    private final OcsfEvent out;
    private final MapContext ctx;

    CrowdStrikeAlerts(Source in, OcsfEvent out, MapContext ctx) {
        this.in = in;
        this.out = out;
        this.ctx = ctx;
    }

    void map() {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        JsonNode time = first("created_timestamp", "timestamp", "first_behavior");
        out.time(ctx.time(time));
        String status = in.text("status");
        if (status != null && status.toLowerCase(Locale.ROOT)
                .transform(Regexes.matches("closed|resolved|false_positive|true_positive"))) {
            out.classify(OcsfClass.DETECTION_FINDING, 3, "Close");
        }
        out.set("finding_info.uid", in.text("composite_id", "detection_id", "id"));
        String title = in.text("display_name", "name", "scenario");
        out.set("finding_info.title", title);
        out.set("finding_info.desc", in.text("description"));
        out.set("finding_info.src_url", in.text("falcon_host_link"));
        out.set("finding_info.analytic.uid", in.text("pattern_id"));
        out.set("finding_info.analytic.name", title);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        out.set("status_detail", status);
        attack(out, in.text("tactic_id"), in.text("tactic"), in.text("technique_id"), in.text("technique"));
        out.severity(CrowdStrikeEvents.severity(in.text("severity_name", "max_severity_displayname"),
                in.text("severity", "max_severity")));

        out.set("device.hostname", in.text("device.hostname"));
        out.set("device.uid", in.text("device.device_id", "agent_id"));
        out.set("device.ip", in.text("device.local_ip"));
        out.set("device.mac", in.text("device.mac_address"));
        out.set("device.os.name", in.text("device.platform_name"));
        out.set("device.domain", in.text("device.machine_domain"));
        out.set("cloud.account.uid", in.text("cid", "customer_id"));

        String user = in.text("user_name");
        Endpoints.user(out, "actor.user", user, null, in.text("user_id"));
        Endpoints.process(out, "process", in.text("filepath"), null, in.text("cmdline"));
        if (!out.has("process.name")) {
            out.set("process.name", in.text("filename"));
        }
        out.set("process.uid", in.text("process_id"));
        Endpoints.hash(out, "process.file", "SHA256", in.text("sha256"));
        Endpoints.hash(out, "process.file", "MD5", in.text("md5"));
        Endpoints.process(out, "process.parent_process", in.text("parent_details.filepath"), null,
                in.text("parent_details.cmdline"));
        Endpoints.hash(out, "process.parent_process.file", "SHA256", in.text("parent_details.sha256"));
        out.set("process.parent_process.uid", in.text("parent_details.process_id"));
        behaviors();
        out.set("message", title != null ? title : out.text("finding_info.title"));
    }

    /** Detects API behaviors: every tactic and technique; the first behavior's process when the detection has none. */
    private void behaviors() {
        JsonNode behaviors = in.peek("behaviors");
        if (behaviors == null || !behaviors.isArray()) {
            return;
        }
        for (int i = 0; i < behaviors.size() && i < 100; i++) {
            String b = "behaviors." + i + ".";
            attack(out, in.text(b + "tactic_id"), in.text(b + "tactic"), in.text(b + "technique_id"),
                    in.text(b + "technique"));
            if (i == 0) {
                if (!out.has("finding_info.title")) {
                    String name = in.text(b + "display_name", b + "scenario");
                    out.set("finding_info.title", name);
                    out.set("finding_info.desc", in.text(b + "description"));
                }
                if (!out.has("actor.user.name")) {
                    Endpoints.user(out, "actor.user", in.text(b + "user_name"), null, in.text(b + "user_id"));
                }
                if (!out.has("process.file.path")) {
                    Endpoints.process(out, "process", in.text(b + "filepath"), null, in.text(b + "cmdline"));
                    Endpoints.hash(out, "process.file", "SHA256", in.text(b + "sha256"));
                    Endpoints.hash(out, "process.file", "MD5", in.text(b + "md5"));
                    Endpoints.process(out, "process.parent_process", null, null,
                            in.text(b + "parent_details.parent_cmdline"));
                }
            }
        }
    }

    private JsonNode first(String... paths) {
        for (String path : paths) {
            JsonNode value = in.peek(path);
            if (value != null && value.isValueNode()) {
                return in.node(path);
            }
        }
        return null;
    }

    /**
     * Appends a MITRE ATT&CK entry when there is a technique or tactic; technique ids keep their sub-technique ({@code
     * T1003.001}). CrowdStrike's own non-ATT&CK ids ({@code CST0001}) are kept as names only.
     */
    static void attack(OcsfEvent out, String tacticId, String tactic, String techniqueId, String technique) {
        if (tacticId == null && tactic == null && techniqueId == null && technique == null) {
            return;
        }
        ObjectNode attack = out.append("finding_info.attacks");
        if (techniqueId != null || technique != null) {
            ObjectNode t = attack.putObject("technique");
            String uid = techniqueId == null ? null : techniqueId.strip().toUpperCase(Locale.ROOT);
            if (uid != null && uid.transform(Regexes.matches("T\\d{4}(\\.\\d{3})?"))) {
                t.put("uid", uid);
            }
            if (technique != null) {
                t.put("name", technique);
            }
        }
        if (tacticId != null || tactic != null) {
            ObjectNode t = attack.putObject("tactic");
            String uid = tacticId == null ? null : tacticId.strip().toUpperCase(Locale.ROOT);
            if (uid != null && uid.transform(Regexes.matches("TA\\d{4}"))) {
                t.put("uid", uid);
            }
            if (tactic != null) {
                t.put("name", tactic);
            }
        }
    }
}
