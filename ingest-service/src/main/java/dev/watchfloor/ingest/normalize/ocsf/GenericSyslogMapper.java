package dev.watchfloor.ingest.normalize.ocsf;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Syslog;

/**
 * Syslog and free text that no vendor mapper claims: the header says when, where and how severe; the message is kept as
 * the event's message (an alert's finding title). Events are Base Events; alerts are Detection Findings.
 */
public final class GenericSyslogMapper implements Mapper {

    public static final String ID = "syslog";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode syslog = record.fields().get("syslog");
        return syslog != null && syslog.isObject() || record.format().equals("text");
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String app = in.text("syslog.app_name");
        String message = in.text("message");
        if (ctx.alert()) {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
            out.set("finding_info.title", message == null ? app : message);
        } else {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
        out.product(null, app == null ? "syslog" : app);
        out.set("message", message);
        out.time(ctx.time(in.node("syslog.timestamp")));
        out.set("device.hostname", in.text("syslog.hostname"));
        out.set("metadata.event_code", in.text("syslog.msgid"));
        Long pid = in.number("syslog.procid");
        if (pid != null) {
            out.set("process.pid", pid);
            out.set("process.name", app);
        }
        Long severity = in.number("syslog.severity");
        out.severity(severity == null ? 0 : Syslog.ocsfSeverity(severity.intValue()));
        in.use("syslog.pri", "syslog.facility");
    }
}
