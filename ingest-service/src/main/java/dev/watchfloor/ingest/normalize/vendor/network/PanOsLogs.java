package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;

/**
 * PAN-OS log types by field position, as the "Syslog Field Descriptions" of PAN-OS 10.x/11.x list them (0-based: 0
 * FUTURE_USE, 1 Receive Time, 2 Serial Number, 3 Type, 4 Subtype, 5 FUTURE_USE, 6 Generated Time, then per type).
 */
final class PanOsLogs {

    private static final Pattern THREAT_ID = Pattern.compile("^(?<name>.*?)\\s*\\((?<id>\\d+)\\)\\s*$");

    /** The CSV fields; blank ones read as null. */
    record Fields(List<String> values) {

        String get(int i) {
            if (i >= values.size()) {
                return null;
            }
            String v = values.get(i).strip();
            return v.isEmpty() ? null : v;
        }
    }

    private PanOsLogs() {
    }

    /** TRAFFIC: 7 src, 8 dst, 11 rule, 12 srcuser, 14 app, 16/17 zones, 18/19 interfaces, 22 session, 24/25 ports. */
    static void traffic(Fields f, OcsfEvent out) {
        String subtype = lower(f.get(4));
        String action = lower(f.get(30));
        boolean blocked = action.startsWith("deny") || action.startsWith("drop") || action.startsWith("reset")
                || action.startsWith("block");
        Traffic.classify(out, switch (subtype) {
            case "start" -> Traffic.OPEN;
            case "end" -> Traffic.CLOSE;
            case "drop", "deny" -> Traffic.REFUSE;
            default -> blocked ? Traffic.REFUSE : Traffic.TRAFFIC;
        });
        session(f, out, 30);
        out.status(blocked ? 2 : 1);
        out.severity(blocked ? 2 : 1);
        bytes(out, f.get(31), f.get(32), f.get(33));
        if (f.get(36) != null && f.get(36).transform(Regexes.matches("\\d{1,9}"))) {
            out.set("duration", Long.parseLong(f.get(36)) * 1000);
        }
        out.set("status_detail", f.get(46));
        out.set("device.hostname", f.get(52));
        out.set("message", "TRAFFIC " + subtype + " " + action + " " + nz(f.get(14)));
    }

    /**
     * THREAT: as TRAFFIC to 30 action, then 31 misc (URL or file), 32 threat id, 33 category, 34 severity, 35
     * direction.
     */
    static void threat(Fields f, OcsfEvent out) {
        String subtype = lower(f.get(4));
        String action = lower(f.get(30));
        boolean url = subtype.equals("url");
        boolean blocked = action.transform(Regexes.matches("(alert|allow|continue|override)"))
                ? false
                : !action.isEmpty();
        String threat = f.get(32);
        Matcher named = threat == null ? null : THREAT_ID.matcher(threat);
        String threatName = named != null && named.matches() ? named.group("name") : threat;
        if (url) {
            Traffic.classify(out, blocked ? Traffic.REFUSE : Traffic.TRAFFIC);
            out.status(blocked ? 2 : 1);
            out.set("url.url_string", f.get(31));
            if (f.get(33) != null) {
                out.node().with("url").putArray("categories").add(f.get(33));
            }
            out.set("message", "URL " + action + " " + nz(f.get(31)));
        } else {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
            out.set("finding_info.title", threatName != null ? threatName : "PAN-OS " + subtype);
            out.set("finding_info.uid", nz(f.get(2)) + ":" + nz(f.get(36)));
            out.set("finding_info.analytic.name", threatName);
            out.set("finding_info.analytic.uid", named != null && named.matches() ? named.group("id") : null);
            out.set("finding_info.analytic.category", f.get(69) != null ? f.get(69) : subtype);
            if (subtype.transform(Regexes.matches("virus|wildfire|wildfire-virus|file|ml-virus"))) {
                out.set("file.name", f.get(31));
            } else {
                out.set("url.url_string", f.get(31));
            }
            out.set("message", subtype + " " + nz(threatName) + " " + action);
        }
        session(f, out, 30);
        int severity = Severities.of(f.get(34));
        out.severity(severity > 0 ? severity : 1);
        FormatFields.hash(out, "file.hashes", f.get(43));
        out.set("http_request.user_agent", f.get(46));
        out.set("http_request.http_method", f.get(63));
        out.set("http_request.referrer", f.get(49));
        out.set("device.hostname", f.get(59));
    }

    /** Fields TRAFFIC and THREAT share up to the action. */
    private static void session(Fields f, OcsfEvent out, int actionField) {
        Traffic.endpoint(out, "src_endpoint", f.get(7), f.get(24), f.get(18));
        Traffic.endpoint(out, "dst_endpoint", f.get(8), f.get(25), f.get(19));
        out.set("src_endpoint.zone", f.get(16));
        out.set("dst_endpoint.zone", f.get(17));
        out.set("firewall_rule.name", f.get(11));
        out.set("actor.user.name", f.get(12));
        out.set("app_name", f.get(14));
        out.set("connection_info.uid", f.get(22));
        Traffic.protocol(out, f.get(29));
        FormatFields.disposition(out, f.get(actionField));
    }

    private static void bytes(OcsfEvent out, String total, String sent, String received) {
        for (String[] pair : new String[][]{{"traffic.bytes", total}, {"traffic.bytes_out", sent},
                {"traffic.bytes_in", received}}) {
            if (pair[1] != null && pair[1].transform(Regexes.matches("\\d{1,18}"))) {
                out.set(pair[0], Long.parseLong(pair[1]));
            }
        }
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
