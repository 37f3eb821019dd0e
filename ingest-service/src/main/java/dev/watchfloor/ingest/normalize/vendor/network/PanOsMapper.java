package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.List;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.format.KeyValues;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Palo Alto Networks PAN-OS syslog in the default CSV format ("Syslog Field Descriptions", PAN-OS 10.x/11.x): the
 * fourth field names the log type. TRAFFIC to Network Activity, THREAT to Detection Finding (URL filtering to Network
 * Activity with the URL and category), AUTH, GLOBALPROTECT and USERID to Authentication, CONFIG to API Activity, SYSTEM
 * to Authentication for its auth events and to a Base Event otherwise; other types are Base Events. Field positions are
 * in {@link PanOsLogs} and {@link PanOsAdminLogs}. PAN-OS logs sent as CEF or LEEF go to the generic mappers.
 */
public final class PanOsMapper implements Mapper {

    private static final Pattern CSV = Pattern
            .compile("^[^,]{0,20},\\d{4}[/-]\\d{2}[/-]\\d{2}[ T][^,]{0,40},[^,]{0,40},"
                    + "(TRAFFIC|THREAT|AUTH|AUTHENTICATION|SYSTEM|CONFIG|GLOBALPROTECT|USERID|HIPMATCH|DECRYPTION|TUNNEL|"
                    + "CORRELATION|GTP|SCTP|IPTAG),.*", Pattern.DOTALL);

    @Override
    public String id() {
        return "panos";
    }

    @Override
    public boolean matches(Parsed record) {
        String message = new Source(record.fields()).peekText("message");
        return message != null && CSV.matcher(message).matches();
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        SyslogHeader.map(in, out, ctx, false);
        out.product("Palo Alto Networks", "PAN-OS");
        String message = in.text("message");
        List<String> f = message == null ? List.of() : KeyValues.csv(message);
        PanOsLogs.Fields fields = new PanOsLogs.Fields(f);
        String type = fields.get(3) == null ? "" : fields.get(3);
        out.set("metadata.log_name", type);
        out.set("metadata.event_code", fields.get(4));
        out.set("device.uid", fields.get(2));
        String generated = fields.get(6) != null ? fields.get(6) : fields.get(1);
        out.time(ctx.time(generated != null ? generated : in.text("syslog.timestamp")));
        out.severity(1);
        switch (type) {
            case "TRAFFIC" -> PanOsLogs.traffic(fields, out);
            case "THREAT" -> PanOsLogs.threat(fields, out);
            case "AUTH", "AUTHENTICATION" -> PanOsAdminLogs.auth(fields, out);
            case "GLOBALPROTECT" -> PanOsAdminLogs.globalProtect(fields, out);
            case "USERID" -> PanOsAdminLogs.userId(fields, out);
            case "CONFIG" -> PanOsAdminLogs.config(fields, out);
            case "SYSTEM" -> PanOsAdminLogs.system(fields, out);
            default -> {
                out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
                out.set("message", message);
            }
        }
        if (!out.has("message")) {
            out.set("message", type + " " + (fields.get(4) == null ? "" : fields.get(4)));
        }
    }
}
