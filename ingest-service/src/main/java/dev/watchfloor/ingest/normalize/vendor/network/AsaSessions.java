package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * Cisco ASA user messages ("Cisco Secure Firewall ASA Series Syslog Messages") : AAA results (113004, 113005, 113015),
 * management logins (611101, 611102, 605004, 605005) and VPN sessions (716001, 716002, 722022, 722023, 722051) to
 * Authentication; executed commands (111008, 111010) to API Activity; threat detection rates (733100) to Detection
 * Finding.
 */
final class AsaSessions {

    private static final Pattern AAA = Pattern.compile("AAA user (?<kind>authentication|authorization|accounting) "
            + "(?<result>Successful|Rejected)\\s*:(?:.*?reason = (?<reason>[^:]+))?(?:.*?server = (?<server>[^,:\\s]+))?"
            + "(?:.*?[Uu]ser = (?<user>[^:,]+?))?(?:\\s*:\\s*user IP = (?<ip>[0-9A-Fa-f.:]+))?\\s*$");
    private static final Pattern MGMT = Pattern.compile("User authentication (?<result>succeeded|failed):"
            + "(?: IP address: (?<ip>[0-9A-Fa-f.:]+?),)? Uname: (?<user>.+?)\\s*$");
    private static final Pattern LOGIN = Pattern
            .compile("Login (?<result>permitted|denied) from (?<sip>[0-9A-Fa-f.:]+?)"
                    + "/(?<sp>\\d+) to (?<dif>[^\\s:]+):(?<dip>[0-9A-Fa-f.:]+?)/(?<service>\\S+) for user [\"\u201c]?(?<user>[^\"\u201d]+)");
    private static final Pattern VPN = Pattern.compile("Group <?(?<group>[^>]*?)>? User <?(?<user>[^>]*?)>? IP <?"
            + "(?<ip>[0-9A-Fa-f.:]+)>? ?(?<rest>.*)$");
    private static final Pattern COMMAND = Pattern
            .compile("User '?(?<user>[^',]+?)'?(?:, running '?(?<app>[^']*?)'? from IP "
                    + "(?<ip>[0-9A-Fa-f.:]+),)? executed (?:the command (?<c1>.+)|the '(?<c2>.+)' command\\.?|'(?<c3>.+)'|(?<c4>.+))$");
    private static final Pattern RATE = Pattern
            .compile("^\\[\\s*(?<object>[^\\]]+?)\\s*\\] drop (?<rate>rate-\\d+) exceeded");

    private AsaSessions() {
    }

    static boolean map(String id, String text, OcsfEvent out) {
        return switch (id) {
            case "113004", "113005", "113015" -> aaa(text, out);
            case "611101", "611102" -> management(text, out);
            case "605004", "605005" -> login(text, out);
            case "716001", "716002", "722022", "722023", "722051" -> vpn(id, text, out);
            case "111008", "111010" -> command(text, out);
            case "733100" -> threat(text, out);
            default -> false;
        };
    }

    private static void authentication(OcsfEvent out, boolean logon, boolean success) {
        out.classify(OcsfClass.AUTHENTICATION, logon ? 1 : 2, logon ? "Logon" : "Logoff");
        out.status(success ? 1 : 2);
    }

    private static void user(OcsfEvent out, String name) {
        if (name != null && !name.isBlank() && !name.strip().transform(Regexes.matches("\\*+"))) {
            out.set("user.name", name.strip());
        }
    }

    private static boolean aaa(String text, OcsfEvent out) {
        Matcher m = AAA.matcher(text);
        if (!m.find()) {
            return false;
        }
        authentication(out, true, m.group("result").equals("Successful"));
        user(out, m.group("user"));
        Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
        out.set("status_detail", m.group("reason") == null ? null : m.group("reason").strip());
        return true;
    }

    private static boolean management(String text, OcsfEvent out) {
        Matcher m = MGMT.matcher(text);
        if (!m.find()) {
            return false;
        }
        authentication(out, true, m.group("result").equals("succeeded"));
        user(out, m.group("user"));
        Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
        return true;
    }

    private static boolean login(String text, OcsfEvent out) {
        Matcher m = LOGIN.matcher(text);
        if (!m.find()) {
            return false;
        }
        authentication(out, true, m.group("result").equals("permitted"));
        user(out, m.group("user"));
        Traffic.endpoint(out, "src_endpoint", m.group("sip"), m.group("sp"), null);
        Traffic.endpoint(out, "dst_endpoint", m.group("dip"), null, m.group("dif"));
        out.set("service.name", m.group("service"));
        return true;
    }

    private static boolean vpn(String id, String text, OcsfEvent out) {
        Matcher m = VPN.matcher(text);
        if (!m.find()) {
            return false;
        }
        boolean logoff = id.equals("716002") || id.equals("722023");
        authentication(out, !logoff, true);
        user(out, m.group("user"));
        Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
        if (!m.group("group").isBlank()) {
            out.append("user.groups").put("name", m.group("group").strip());
        }
        String rest = m.group("rest").strip();
        out.set("status_detail", rest.length() > 200 ? rest.substring(0, 200) : rest);
        return true;
    }

    private static boolean command(String text, OcsfEvent out) {
        Matcher m = COMMAND.matcher(text);
        if (!m.find()) {
            return false;
        }
        out.classify(OcsfClass.API_ACTIVITY, 3, "Update");
        out.status(1);
        out.set("actor.user.name", m.group("user").strip());
        String cmd = m.group("c1") != null
                ? m.group("c1")
                : m.group("c2") != null
                        ? m.group("c2")
                        : m.group("c3") != null ? m.group("c3") : m.group("c4");
        out.set("api.operation", cmd.strip());
        out.set("api.service.name", m.group("app"));
        Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
        return true;
    }

    private static boolean threat(String text, OcsfEvent out) {
        Matcher m = RATE.matcher(text);
        if (!m.find()) {
            return false;
        }
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String object = m.group("object");
        out.set("finding_info.title", "Threat detection: " + object + " drop " + m.group("rate") + " exceeded");
        out.set("finding_info.uid", "733100:" + object + ":" + m.group("rate"));
        out.set("finding_info.analytic.name", "ASA threat detection (" + object + ")");
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        if (SyslogHeader.isIp(object)) {
            out.set("src_endpoint.ip", object);
        }
        return true;
    }
}
