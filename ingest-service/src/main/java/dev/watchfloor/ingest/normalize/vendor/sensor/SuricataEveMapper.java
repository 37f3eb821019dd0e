package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Suricata EVE JSON output (Suricata 5 to 8, "EVE JSON Format" in the Suricata user guide): one object per event with
 * {@code timestamp}, {@code event_type}, {@code flow_id}, {@code src_ip}/{@code src_port}, {@code dest_ip}/
 * {@code dest_port}, {@code proto}. {@code alert} becomes a Detection Finding (signature, category, severity 1 high to
 * 3 low, action, MITRE ATT&CK ids from the rule metadata); dns, http, tls, ssh, fileinfo, flow and netflow, anomaly and
 * other protocol events go to their network classes through {@link SuricataProtocols}.
 */
public final class SuricataEveMapper implements Mapper {

    private static final Set<String> NO_FLOW = Set.of("stats", "engine");

    @Override
    public String id() {
        return "suricata";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode f = record.fields();
        if (f == null || !f.path("event_type").isTextual() || !f.has("timestamp")) {
            return false;
        }
        String type = f.path("event_type").asText();
        return f.has("flow_id") || f.has("src_ip") && f.has("dest_ip")
                || NO_FLOW.contains(type) && f.path(type).isObject();
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String type = String.valueOf(in.text("event_type")).toLowerCase(Locale.ROOT);
        out.product("OISF", "Suricata");
        out.time(ctx.time(in.node("timestamp")));
        out.severity(1);
        String sensor = in.text("host");
        if (sensor != null) {
            out.append("metadata.loggers").put("name", sensor);
        }
        out.set("metadata.correlation_uid", in.text("flow_id"));
        out.set("metadata.log_name", type);
        out.set("src_endpoint.ip", in.text("src_ip"));
        out.port("src_endpoint.port", in.text("src_port"));
        out.set("dst_endpoint.ip", in.text("dest_ip"));
        out.port("dst_endpoint.port", in.text("dest_port"));
        String proto = in.text("proto");
        out.set("connection_info.protocol_name", proto == null ? null : proto.toLowerCase(Locale.ROOT));
        out.set("connection_info.community_uid", in.text("community_id"));
        out.set("app_name", in.text("app_proto"));
        if (type.equals("alert")) {
            alert(in, out);
        } else {
            SuricataProtocols.map(type, in, out, ctx);
        }
    }

    /** An EVE {@code alert} object (also in Corelight's suricata_corelight log) as a Detection Finding. */
    static void alert(Source in, OcsfEvent out) {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String signature = in.text("alert.signature");
        String sid = in.text("alert.signature_id");
        out.set("finding_info.title", signature);
        out.set("message", signature);
        String flow = out.text("metadata.correlation_uid");
        out.set("finding_info.uid", flow == null ? sid : flow + ":" + (sid == null ? "" : sid));
        out.set("finding_info.analytic.uid", sid);
        out.set("finding_info.analytic.name", signature);
        out.set("finding_info.analytic.category", in.text("alert.category"));
        out.set("finding_info.analytic.version", in.text("alert.rev"));
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        String category = in.text("alert.category");
        if (category != null) {
            out.set("finding_info.types", JsonNodeFactory.instance.arrayNode().add(category));
        }
        Long severity = in.number("alert.severity");
        out.severity(severity == null ? 0 : severity == 1 ? 4 : severity == 2 ? 3 : severity == 3 ? 2 : 1);
        String action = in.text("alert.action");
        if (action != null) {
            boolean blocked = action.equalsIgnoreCase("blocked") || action.equalsIgnoreCase("drop");
            out.set("action_id", blocked ? 2L : 1L);
            out.set("action", blocked ? "Denied" : "Allowed");
            out.set("disposition_id", blocked ? 2L : 1L);
            out.set("disposition", blocked ? "Blocked" : "Allowed");
        }
        attacks(in, out);
    }

    /** ET/Proofpoint rule metadata: {@code mitre_technique_id}, {@code mitre_tactic_id} and their names. */
    private static void attacks(Source in, OcsfEvent out) {
        JsonNode techniques = in.peek("alert.metadata.mitre_technique_id");
        if (techniques == null) {
            return;
        }
        in.use("alert.metadata.mitre_technique_id");
        JsonNode names = in.peek("alert.metadata.mitre_technique_name");
        JsonNode tactics = in.peek("alert.metadata.mitre_tactic_id");
        JsonNode tacticNames = in.peek("alert.metadata.mitre_tactic_name");
        in.use("alert.metadata.mitre_technique_name", "alert.metadata.mitre_tactic_id",
                "alert.metadata.mitre_tactic_name");
        JsonNode list = techniques.isArray()
                ? techniques
                : JsonNodeFactory.instance
                        .arrayNode().add(techniques);
        for (int i = 0; i < list.size() && i < 50; i++) {
            JsonNode id = list.get(i);
            if (!id.isValueNode() || id.asText().isBlank()) {
                continue;
            }
            ObjectNode attack = out.append("finding_info.attacks");
            ObjectNode technique = attack.putObject("technique");
            technique.put("uid", id.asText().strip().toUpperCase(Locale.ROOT));
            String name = at(names, i);
            if (name != null) {
                technique.put("name", name.replace('_', ' '));
            }
            String tactic = at(tactics, i);
            if (tactic != null) {
                ObjectNode t = attack.putObject("tactic");
                t.put("uid", tactic);
                String tacticName = at(tacticNames, i);
                if (tacticName != null) {
                    t.put("name", tacticName.replace('_', ' '));
                }
            }
        }
    }

    /** The i-th element of a metadata list (or its only value, for a scalar). */
    private static String at(JsonNode values, int i) {
        if (values == null) {
            return null;
        }
        JsonNode v = values.isArray() ? values.get(Math.min(i, values.size() - 1)) : values;
        return v != null && v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
    }
}
