package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Syslog;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Any ArcSight CEF event (Micro Focus "Implementing ArcSight CEF" rev. 25 key names): the header's vendor and product
 * as the product, its signature id as the event code, its 0-10 severity; from the extension the endpoints
 * ({@code src spt shost smac dst dpt dhost dmac c6a2 c6a3}), users ({@code suser} initiator, {@code duser} target),
 * device ({@code dvchost dvc}), time ({@code rt end start}), action and outcome, protocol, request URL, file
 * ({@code fname filePath fileHash fsize}) and the custom strings whose labels name a rule or signature. The class comes
 * from the event's name and category (see {@link FormatFields#classify}).
 */
public final class CefMapper implements Mapper {

    @Override
    public String id() {
        return "cef";
    }

    @Override
    public Set<String> formats() {
        return Set.of("cef");
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode header = record.fields().get("cef");
        return header != null && header.isObject();
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        int level = SyslogHeader.map(in, out, ctx, false);
        out.product(in.text("cef.device_vendor"), in.text("cef.device_product"));
        out.set("metadata.product.version", in.text("cef.device_version"));
        in.use("cef.version");
        String signature = in.text("cef.signature_id");
        String name = in.text("cef.name");
        out.set("metadata.event_code", signature);
        int severity = FormatFields.severity(in.text("cef.severity"));
        out.severity(severity > 0 ? severity : Math.max(0, Syslog.ocsfSeverity(level)));
        FormatFields.time(in, out, ctx, "extension.rt", "extension.receiptTime", "extension.end", "extension.endTime",
                "extension.start", "extension.startTime");
        endpoints(in, out);
        out.set("actor.user.name", in.text("extension.suser", "extension.sourceUserName"));
        out.set("actor.user.uid", in.text("extension.suid", "extension.sourceUserId"));
        out.set("user.name", in.text("extension.duser", "extension.destinationUserName"));
        out.set("user.uid", in.text("extension.duid", "extension.destinationUserId"));
        direction(in.text("extension.deviceDirection"), out);
        String device = in.text("extension.dvchost", "extension.deviceHostName");
        if (device != null) {
            out.node().with("device").remove("ip");
            out.set("device.hostname", device);
        }
        out.set("device.ip", in.text("extension.dvc", "extension.deviceAddress"));
        Traffic.protocol(out, in.text("extension.proto", "extension.transportProtocol"));
        Integer disposition = FormatFields.disposition(out, in.text("extension.act", "extension.deviceAction"));
        out.set("url.url_string", in.text("extension.request", "extension.requestUrl"));
        out.set("http_request.http_method", in.text("extension.requestMethod"));
        out.set("http_request.user_agent", in.text("extension.requestClientApplication"));
        out.set("file.name", in.text("extension.fname", "extension.fileName"));
        out.set("file.path", in.text("extension.filePath"));
        out.set("file.size", in.number("extension.fsize", "extension.fileSize"));
        FormatFields.hash(out, "file.hashes", in.text("extension.fileHash"));
        String message = in.text("extension.msg", "extension.message", "extension._text");
        out.set("message", message != null ? message : name);
        String words = String.join(" ", String.valueOf(signature), String.valueOf(name),
                String.valueOf(in.peekText("extension.cat")));
        FormatFields.classify(out, ctx, words, in.text("extension.outcome", "extension.eventOutcome"), disposition);
        String external = in.text("extension.externalId");
        out.set("metadata.uid", external);
        if (out.ocsfClass() == OcsfClass.DETECTION_FINDING) {
            out.set("finding_info.title", name);
            out.set("finding_info.uid", external != null ? external : signature);
            out.set("finding_info.analytic.uid", signature);
            out.set("finding_info.analytic.name", name);
        }
        customStrings(in, out);
    }

    private static void endpoints(Source in, OcsfEvent out) {
        String src = in.text("extension.src", "extension.sourceAddress", "extension.c6a2");
        String dst = in.text("extension.dst", "extension.destinationAddress", "extension.c6a3");
        Traffic.endpoint(out, "src_endpoint", src, in.text("extension.spt", "extension.sourcePort"), null);
        Traffic.endpoint(out, "dst_endpoint", dst, in.text("extension.dpt", "extension.destinationPort"), null);
        out.set("src_endpoint.hostname", in.text("extension.shost", "extension.sourceHostName"));
        out.set("dst_endpoint.hostname", in.text("extension.dhost", "extension.destinationHostName"));
        out.set("src_endpoint.mac", in.text("extension.smac", "extension.sourceMacAddress"));
        out.set("dst_endpoint.mac", in.text("extension.dmac", "extension.destinationMacAddress"));
    }

    /** deviceDirection: 0 inbound, 1 outbound. */
    private static void direction(String value, OcsfEvent out) {
        if ("0".equals(value)) {
            Traffic.direction(out, 1);
        } else if ("1".equals(value)) {
            Traffic.direction(out, 2);
        }
    }

    /** cs1-cs6 whose label names a rule, policy or signature; the others stay in {@code unmapped}. */
    private static void customStrings(Source in, OcsfEvent out) {
        for (int i = 1; i <= 6; i++) {
            String label = in.peekText("extension.cs" + i + "Label");
            String value = in.peekText("extension.cs" + i);
            if (label == null || value == null) {
                continue;
            }
            String l = label.toLowerCase(Locale.ROOT);
            String path = l.contains("rule") || l.contains("policy")
                    ? (out.ocsfClass() == OcsfClass.DETECTION_FINDING
                            ? "finding_info.analytic.name"
                            : "firewall_rule.name")
                    : l.contains("signature") || l.contains("threat") ? "finding_info.analytic.name" : null;
            if (path != null && (out.ocsfClass() == OcsfClass.DETECTION_FINDING || path.startsWith("firewall"))) {
                in.use("extension.cs" + i, "extension.cs" + i + "Label");
                out.set(path, value);
            }
        }
    }
}
