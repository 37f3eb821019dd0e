package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Syslog;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Fortinet FortiGate (FortiOS "Log Message Reference", 6.x/7.x) key=value logs: {@code type=traffic} to Network
 * Activity, {@code type=utm} to Detection Finding (IPS, antivirus, anomaly, DLP, WAF), HTTP Activity (webfilter) or DNS
 * Activity (dns), {@code type=event} logins to Authentication and configuration changes to API Activity, other events
 * to a Base Event. Time from {@code eventtime} (epoch s/ms/µs/ns) or {@code date}+{@code time}+{@code tz}; severity
 * from {@code level} (the syslog level words). Record shapes are in {@link FortiGateLogs}.
 */
public final class FortiGateMapper implements Mapper {

    @Override
    public String id() {
        return "fortigate";
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode f = record.fields();
        return f.hasNonNull("logid") && f.hasNonNull("type") && f.hasNonNull("subtype")
                && (f.hasNonNull("devid") || f.hasNonNull("devname"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        int level = SyslogHeader.map(in, out, ctx, false);
        out.product("Fortinet", "FortiGate");
        time(in, out, ctx);
        out.set("device.hostname", in.text("devname"));
        out.set("device.uid", in.text("devid"));
        out.set("metadata.event_code", in.text("logid"));
        out.set("metadata.uid", in.peekText("eventid"));
        String levelWord = in.text("level");
        int severity = Syslog.ocsfSeverity(syslogLevel(levelWord));
        out.severity(severity > 0 ? severity : Math.max(0, Syslog.ocsfSeverity(level)));
        String type = lower(in.text("type"));
        String subtype = lower(in.text("subtype"));
        out.set("metadata.log_name", type + (subtype.isEmpty() ? "" : "/" + subtype));
        FortiGateLogs.endpoints(in, out);
        switch (type) {
            case "traffic" -> FortiGateLogs.traffic(in, out);
            case "utm" -> FortiGateLogs.utm(subtype, in, out);
            case "event" -> FortiGateLogs.event(in, out);
            default -> FortiGateLogs.other(in, out);
        }
        if (!out.has("message")) {
            out.set("message", in.text("msg", "logdesc"));
        }
    }

    private static void time(Source in, OcsfEvent out, MapContext ctx) {
        String epoch = in.peekText("eventtime");
        if (epoch != null && epoch.transform(Regexes.matches("\\d{9,19}"))) {
            in.use("eventtime");
            out.time(ctx.time(epoch));
            in.use("date", "time", "tz");
            return;
        }
        String date = in.text("date");
        String time = in.text("time");
        if (date != null && time != null) {
            String tz = in.text("tz");
            String zone = tz != null && tz.transform(Regexes.matches("[+-]\\d{2}:?\\d{2}")) ? tz : "";
            out.time(ctx.time(date + "T" + time + zone));
            out.set("metadata.original_time", date + " " + time + (tz == null ? "" : " " + tz));
        } else {
            out.time(ctx.time(in.text("syslog.timestamp")));
        }
    }

    /** FortiOS level words to the syslog levels (0 emergency ... 7 debug); -1 when unknown. */
    static int syslogLevel(String level) {
        return switch (lower(level)) {
            case "emergency" -> 0;
            case "alert" -> 1;
            case "critical" -> 2;
            case "error" -> 3;
            case "warning" -> 4;
            case "notice" -> 5;
            case "information", "info" -> 6;
            case "debug" -> 7;
            default -> -1;
        };
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
