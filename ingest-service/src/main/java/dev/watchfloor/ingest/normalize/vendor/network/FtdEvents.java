package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;

/**
 * Cisco Firepower Threat Defense event messages ("Cisco Secure Firewall Threat Defense Syslog Messages",
 * 430001-430005): {@code Key: Value} pairs separated by commas. Connection events (430002 start, 430003 end) to Network
 * Activity, intrusion events (430001) and file/malware events (430004, 430005) to Detection Finding.
 */
final class FtdEvents {

    private static final Pattern PAIR = Pattern
            .compile("(?:^|, )(?<key>[A-Za-z][A-Za-z0-9 ]{0,60}?): (?<value>.*?)(?=, [A-Za-z][A-Za-z0-9 ]{0,60}?: |$)");

    private FtdEvents() {
    }

    static boolean map(String id, String text, OcsfEvent out) {
        if (!id.transform(Regexes.matches("43000[1-5]"))) {
            return false;
        }
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            f.putIfAbsent(m.group("key").strip(), m.group("value").strip());
        }
        if (f.isEmpty()) {
            return false;
        }
        String action = f.getOrDefault("AccessControlRuleAction", f.get("FileAction"));
        Integer disposition = FormatFields.disposition(out, action);
        Traffic.endpoint(out, "src_endpoint", f.get("SrcIP"), f.get("SrcPort"), f.get("IngressInterface"));
        Traffic.endpoint(out, "dst_endpoint", f.get("DstIP"), f.get("DstPort"), f.get("EgressInterface"));
        out.set("src_endpoint.zone", f.get("IngressZone"));
        out.set("dst_endpoint.zone", f.get("EgressZone"));
        Traffic.protocol(out, f.get("Protocol"));
        out.set("firewall_rule.name", f.get("AccessControlRuleName"));
        out.set("connection_info.uid", f.get("ConnectionID"));
        String user = f.get("User");
        if (user != null && !user.toLowerCase(Locale.ROOT).startsWith("no authentication")
                && !user.equalsIgnoreCase("Unknown")) {
            out.set("actor.user.name", user);
        }
        out.set("app_name", f.get("ApplicationProtocol"));
        if (id.equals("430002") || id.equals("430003")) {
            boolean blocked = disposition != null && disposition == 2;
            Traffic.classify(out, blocked ? Traffic.REFUSE : id.equals("430002") ? Traffic.OPEN : Traffic.CLOSE);
            out.status(blocked ? 2 : 1);
            return true;
        }
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String title = f.getOrDefault("Message",
                f.getOrDefault("ThreatName", f.getOrDefault("FileName", "FTD event " + id)));
        out.set("finding_info.title", title);
        out.set("finding_info.uid", id + ":" + f.getOrDefault("ConnectionID", "") + ":" + f.getOrDefault("SignatureID",
                f.getOrDefault("SHA_Disposition", "")));
        out.set("finding_info.analytic.name", f.get("Message"));
        out.set("finding_info.analytic.uid", f.get("SignatureID") != null ? f.get("SignatureID") : f.get("GID"));
        out.set("finding_info.analytic.category", f.get("Classification"));
        out.set("file.name", f.get("FileName"));
        FormatFields.hash(out, "file.hashes", f.get("FileSHA256"));
        int severity = Severities.of(f.get("Priority") == null ? null : switch (f.get("Priority")) {
            case "1" -> "high";
            case "2" -> "medium";
            case "3" -> "low";
            default -> null;
        });
        if (severity > 0) {
            out.severity(severity);
        }
        return true;
    }
}
