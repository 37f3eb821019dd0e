package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;

/**
 * PAN-OS AUTH, GLOBALPROTECT, USERID, CONFIG and SYSTEM logs by field position ("Syslog Field Descriptions", PAN-OS
 * 10.x/11.x; the common head as in {@link PanOsLogs}).
 */
final class PanOsAdminLogs {

    private static final Pattern QUOTED_USER = Pattern.compile("(?i)user '(?<user>[^']+)'");
    private static final Pattern FROM = Pattern.compile("(?i)From: (?<ip>[0-9A-Fa-f.:]+?)\\.?(?:\\s|$)");

    private PanOsAdminLogs() {
    }

    /** AUTH: 8 ip, 9 user, 11 object, 12 policy, 15 vendor, 18 description, 19 client type, 20 event, 29 device. */
    static void auth(PanOsLogs.Fields f, OcsfEvent out) {
        String event = PanOsLogs.lower(f.get(20));
        boolean logout = event.contains("logout");
        out.classify(OcsfClass.AUTHENTICATION, logout ? 2 : 1, logout ? "Logoff" : "Logon");
        out.status(event.contains("success") ? 1 : event.contains("fail") ? 2 : 99);
        out.severity(event.contains("fail") ? 2 : 1);
        Traffic.endpoint(out, "src_endpoint", f.get(8), null, null);
        out.set("user.name", f.get(9));
        out.set("status_detail", f.get(18));
        out.set("auth_protocol", f.get(31));
        out.set("device.hostname", f.get(29));
        out.set("message", PanOsLogs.nz(f.get(20)) + " " + PanOsLogs.nz(f.get(9)));
    }

    /** GLOBALPROTECT: 8 event id, 9 stage, 10 auth method, 12 user, 14 machine, 15 public IP, 26 error, 28 status. */
    static void globalProtect(PanOsLogs.Fields f, OcsfEvent out) {
        String event = PanOsLogs.lower(f.get(8));
        boolean logout = event.contains("logout") || event.contains("disconnect");
        out.classify(OcsfClass.AUTHENTICATION, logout ? 2 : 1, logout ? "Logoff" : "Logon");
        String status = PanOsLogs.lower(f.get(28));
        out.status(status.startsWith("success") ? 1 : status.startsWith("fail") ? 2 : 99);
        out.severity(status.startsWith("fail") ? 2 : 1);
        out.set("user.name", f.get(12));
        Traffic.endpoint(out, "src_endpoint", f.get(15) != null ? f.get(15) : f.get(16), null, null);
        out.set("src_endpoint.hostname", f.get(14));
        out.set("auth_protocol", f.get(10));
        out.set("status_detail", f.get(26) != null ? f.get(26) : f.get(9));
        out.set("device.hostname", f.get(47));
        out.set("message", "GlobalProtect " + PanOsLogs.nz(f.get(8)) + " " + PanOsLogs.nz(f.get(12)) + " " + status);
    }

    /** CONFIG: 7 host, 9 command, 10 admin, 11 client, 12 result, 13 path, 23 device name. */
    static void config(PanOsLogs.Fields f, OcsfEvent out) {
        String command = PanOsLogs.lower(f.get(9));
        int activity = switch (command) {
            case "add", "clone", "create", "multi-clone" -> 1;
            case "set", "edit", "rename", "move", "override", "upload" -> 3;
            case "delete" -> 4;
            default -> 99;
        };
        out.classify(OcsfClass.API_ACTIVITY, activity, switch (activity) {
            case 1 -> "Create";
            case 3 -> "Update";
            case 4 -> "Delete";
            default -> "Other";
        });
        String result = PanOsLogs.lower(f.get(12));
        out.status(result.startsWith("fail") ? 2 : result.isEmpty() ? 0 : 1);
        Traffic.endpoint(out, "src_endpoint", f.get(7), null, null);
        out.set("api.operation", f.get(9));
        out.set("api.service.name", f.get(11));
        out.set("actor.user.name", f.get(10));
        if (f.get(13) != null) {
            out.append("resources").put("name", f.get(13));
        }
        out.set("device.hostname", f.get(23));
        out.set("message", PanOsLogs.nz(f.get(10)) + " " + PanOsLogs.nz(f.get(9)) + " " + PanOsLogs.nz(f.get(13)));
    }

    /** SYSTEM: 8 event id, 9 object, 12 module, 13 severity, 14 description, 22 device name. */
    static void system(PanOsLogs.Fields f, OcsfEvent out) {
        String event = PanOsLogs.lower(f.get(8));
        String description = f.get(14);
        if (event.startsWith("auth-") || event.contains("login") || event.contains("logout")) {
            boolean logout = event.contains("logout");
            out.classify(OcsfClass.AUTHENTICATION, logout ? 2 : 1, logout ? "Logoff" : "Logon");
            out.status(event.contains("fail") ? 2 : event.contains("success") || event.contains("login") ? 1 : 99);
            Matcher user = description == null ? null : QUOTED_USER.matcher(description);
            out.set("user.name", user != null && user.find() ? user.group("user") : null);
            Matcher from = description == null ? null : FROM.matcher(description);
            if (from != null && from.find()) {
                Traffic.endpoint(out, "src_endpoint", from.group("ip"), null, null);
            }
        } else {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
        out.set("metadata.event_code", f.get(8));
        int severity = Severities.of(f.get(13));
        out.severity(severity > 0 ? severity : 1);
        out.set("device.hostname", f.get(22));
        out.set("message", description);
    }

    /** USERID: 8 ip, 9 user, 10 data source name, 16 data source; subtype login or logout (an observed logon). */
    static void userId(PanOsLogs.Fields f, OcsfEvent out) {
        boolean logout = "logout".equals(PanOsLogs.lower(f.get(4)));
        out.classify(OcsfClass.AUTHENTICATION, logout ? 2 : 1, logout ? "Logoff" : "Logon");
        out.status(1);
        Traffic.endpoint(out, "src_endpoint", f.get(8), null, null);
        out.set("user.name", f.get(9));
        out.set("message", "User-ID " + PanOsLogs.nz(f.get(4)) + " " + PanOsLogs.nz(f.get(9)) + " from "
                + PanOsLogs.nz(f.get(16)));
    }
}
