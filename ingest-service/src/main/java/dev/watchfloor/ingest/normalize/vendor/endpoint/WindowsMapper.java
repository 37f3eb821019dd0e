package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.WindowsText;
import dev.watchfloor.ingest.normalize.format.XmlEvents;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Windows event logs, one mapper for every rendering {@link WinEvent} reads (event XML, evtx_dump JSON, Winlogbeat,
 * NXLog, Splunk, rendered text): the Security audit events (Microsoft's "Audit Policy" event reference, 4624 ... 4799,
 * 1100-1102), Sysmon (Sysinternals Sysmon event ids 1-29), Windows PowerShell operational (4103, 4104), Microsoft
 * Defender Antivirus (1006-1119) and Task Scheduler operational events. The device is the event's {@code Computer}.
 * Severity is Informational except audit failures (Low) and events logged at Warning or worse.
 */
public final class WindowsMapper implements Mapper {

    @Override
    public String id() {
        return "windows";
    }

    /** Fields in which collectors (Splunk HEC and exports, Logstash, Fluentd) carry an event's XML or text. */
    private static final String[] CARRIERS = {"event", "_raw", "message", "Message"};

    @Override
    public boolean matches(Parsed record) {
        try {
            if (WinEvent.looksLike(new Source(record.fields()))) {
                return true;
            }
            return carrier(record) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The string field holding a whole Windows event (XML or a text rendering), or null. */
    private static String carrier(Parsed record) {
        for (String key : CARRIERS) {
            var value = record.fields().get(key);
            if (value != null && value.isTextual()) {
                String text = value.asText().stripLeading();
                if (text.startsWith("<Event") && text.contains("<System") || text.length() < 1_000_000
                        && WindowsText.looksLike(text)) {
                    return key;
                }
            }
        }
        return null;
    }

    /** Replaces a carried event by its fields, in place, so the reads that follow see them (warned). */
    private static void expand(Parsed record) {
        String key = carrier(record);
        if (key == null || record.fields().has("Event")) {
            return;
        }
        String text = record.fields().get(key).asText();
        ObjectNode parsed = text.stripLeading().startsWith("<") ? XmlEvents.parse(text) : WindowsText.parse(text);
        if (parsed != null && parsed.get("Event") instanceof ObjectNode event) {
            record.fields().set("Event", event);
            record.fields().remove(key);
            record.warnings().add("Windows event read from the '" + key + "' field");
        }
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        expand(record);
        WinEvent e = WinEvent.of(in);
        int id = e.id();
        String provider = e.provider();
        String channel = e.channel();
        String p = (provider == null ? "" : provider).toLowerCase(Locale.ROOT);
        String c = (channel == null ? "" : channel).toLowerCase(Locale.ROOT);
        out.time(ctx.time(e.time()));
        out.product("Microsoft", p.contains("sysmon")
                ? "Sysmon"
                : p.contains("defender") ? "Microsoft Defender Antivirus" : "Microsoft Windows");
        out.set("device.hostname", e.computer());
        out.set("device.os.name", "Windows");
        out.set("device.os.type", "Windows");
        out.set("device.os.type_id", 100L);
        if (id >= 0) {
            out.set("metadata.event_code", Integer.toString(id));
        }
        out.set("metadata.uid", e.recordId());
        out.set("metadata.log_name", channel);
        out.set("metadata.product.feature.name", provider);
        String message = e.message();
        if (message != null) {
            out.set("message", message.strip().lines().findFirst().orElse(null));
        }
        boolean failure = e.auditFailure();
        int level = e.level();
        out.severity(failure ? 2 : level == 1 ? 5 : level == 2 ? 4 : level == 3 ? 3 : 1);
        if (failure) {
            out.status(2);
        } else if (e.auditSuccess()) {
            out.status(1);
        }

        if (p.contains("sysmon") || c.contains("sysmon")) {
            new SysmonEvents(e, out).map(id);
        } else if (p.contains("powershell") || c.contains("powershell")) {
            WindowsAppEvents.powershell(e, out, id);
        } else if (p.contains("defender") || c.contains("defender")) {
            WindowsAppEvents.defender(e, out, id);
        } else if (p.contains("taskscheduler") || c.contains("taskscheduler")) {
            WindowsAppEvents.taskScheduler(e, out, id);
        } else {
            new WindowsSecurityEvents(e, out, failure).map(id);
        }
    }
}
