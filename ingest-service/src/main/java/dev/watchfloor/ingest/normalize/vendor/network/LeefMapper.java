package dev.watchfloor.ingest.normalize.vendor.network;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
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
 * Any IBM LEEF 1.0/2.0 event, by the predefined attribute keys of IBM's "LEEF event components" documentation:
 * {@code src dst srcPort dstPort srcMAC dstMAC proto usrName accountName identSrc identHostName sev cat devTime} (read
 * with {@code devTimeFormat}, a Java date pattern, when given) {@code srcBytes dstBytes url policy resource}; the
 * header's vendor and product as the product and its event id as the event code. The class comes from the event id and
 * category (see {@link FormatFields#classify}).
 */
public final class LeefMapper implements Mapper {

    @Override
    public String id() {
        return "leef";
    }

    @Override
    public Set<String> formats() {
        return Set.of("leef");
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode header = record.fields().get("leef");
        return header != null && header.isObject();
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        int level = SyslogHeader.map(in, out, ctx, false);
        out.product(in.text("leef.vendor"), in.text("leef.product"));
        out.set("metadata.product.version", in.text("leef.product_version"));
        in.use("leef.version", "leef.delimiter");
        String event = in.text("leef.event_id");
        out.set("metadata.event_code", event);
        int severity = FormatFields.severity(in.text("attributes.sev"));
        out.severity(severity > 0 ? severity : Math.max(0, Syslog.ocsfSeverity(level)));
        time(in, out, ctx);
        Traffic.endpoint(out, "src_endpoint", in.text("attributes.src"), in.text("attributes.srcPort"), null);
        Traffic.endpoint(out, "dst_endpoint", in.text("attributes.dst"), in.text("attributes.dstPort"), null);
        out.set("src_endpoint.mac", in.text("attributes.srcMAC"));
        out.set("dst_endpoint.mac", in.text("attributes.dstMAC"));
        out.set("actor.user.name", in.text("attributes.usrName", "attributes.accountName", "attributes.suser"));
        out.set("user.name", in.text("attributes.duser"));
        String identity = in.text("attributes.identSrc");
        if (identity != null && !out.has("src_endpoint.ip")) {
            Traffic.endpoint(out, "src_endpoint", identity, null, null);
        }
        out.set("src_endpoint.hostname", in.text("attributes.identHostName", "attributes.srcHost"));
        Traffic.protocol(out, in.text("attributes.proto"));
        Long sent = in.number("attributes.srcBytes");
        Long received = in.number("attributes.dstBytes");
        out.set("traffic.bytes_out", sent);
        out.set("traffic.bytes_in", received);
        out.set("url.url_string", in.text("attributes.url"));
        Integer disposition = FormatFields.disposition(out, in.text("attributes.action"));
        String category = in.text("attributes.cat", "attributes.Cat");
        FormatFields.classify(out, ctx, String.join(" ", String.valueOf(event), String.valueOf(category)), null,
                disposition);
        if (out.ocsfClass() == OcsfClass.DETECTION_FINDING) {
            out.set("finding_info.title", category != null ? category : event);
            out.set("finding_info.uid", event);
            out.set("finding_info.analytic.name", in.text("attributes.policy"));
        } else {
            out.set("firewall_rule.name", in.text("attributes.policy"));
        }
        String message = in.text("attributes.msg", "message");
        out.set("message", message != null ? message : category != null ? category : event);
    }

    /** devTime with devTimeFormat (a Java date pattern), or as Timestamps reads it; else the syslog time. */
    private static void time(Source in, OcsfEvent out, MapContext ctx) {
        String time = in.peekText("attributes.devTime");
        String format = in.peekText("attributes.devTimeFormat");
        if (time != null && format != null && format.length() <= 64) {
            try {
                TemporalAccessor parsed = DateTimeFormatter.ofPattern(format, Locale.ENGLISH).parse(time);
                String iso = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        || parsed.query(java.time.temporal.TemporalQueries.zone()) != null
                                ? ZonedDateTime.from(parsed).toOffsetDateTime().toString()
                                : LocalDateTime.from(parsed).toString();
                in.use("attributes.devTime", "attributes.devTimeFormat");
                out.time(ctx.time(iso));
                out.set("metadata.original_time", time);
                return;
            } catch (RuntimeException e) {
                // not as declared: read below as Timestamps would
            }
        }
        FormatFields.time(in, out, ctx, "attributes.devTime");
    }
}
