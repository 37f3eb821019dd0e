package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Syslog;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Cisco ASA (and Firepower Threat Defense) syslog messages, {@code %ASA-level-msgid: text} as described in "Cisco
 * Secure Firewall ASA Series Syslog Messages": connections and denies (106xxx, 302xxx, 305xxx) to Network Activity
 * ({@link AsaConnections}), AAA, management logins and VPN sessions to Authentication, executed commands to API
 * Activity, threat detection to Detection Finding ({@link AsaSessions}), FTD connection, intrusion and file events
 * (430001-430005, {@link FtdEvents}); any other message is a Base Event with its text. The severity is the message's
 * syslog level (0 emergencies ... 7 debugging).
 */
public final class CiscoAsaMapper implements Mapper {

    private static final Pattern TAG = Pattern.compile(
            "^%(ASA|FTD|PIX|FWSM)-(?:[a-z]{1,20}-)?([0-7])-(\\d{6}):?\\s*(.*)$",
            Pattern.DOTALL);

    @Override
    public String id() {
        return "cisco-asa";
    }

    @Override
    public boolean matches(Parsed record) {
        Source in = new Source(record.fields());
        String message = in.peekText("message");
        return message != null && message.startsWith("%") && TAG.matcher(message).matches();
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        SyslogHeader.map(in, out, ctx, true);
        String message = in.text("message");
        Matcher tag = message == null ? null : TAG.matcher(message);
        if (tag == null || !tag.matches()) {
            out.product("Cisco", "Cisco ASA");
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
            out.set("message", message);
            return;
        }
        out.product("Cisco", tag.group(1).equals("FTD") ? "Cisco Firepower Threat Defense" : "Cisco ASA");
        String id = tag.group(3);
        String text = tag.group(4).strip();
        out.set("metadata.event_code", id);
        out.severity(Syslog.ocsfSeverity(Integer.parseInt(tag.group(2))));
        out.set("message", text);
        // the message patterns are only tried on texts of a sane length (ASA messages are well under 1 KB)
        if (text.length() > 4096 || !AsaConnections.map(id, text, out) && !AsaSessions.map(id, text, out)
                && !FtdEvents.map(id, text, out)) {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
    }
}
