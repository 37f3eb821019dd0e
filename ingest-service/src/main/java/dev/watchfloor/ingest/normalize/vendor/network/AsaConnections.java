package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * Cisco ASA connection messages ("Cisco Secure Firewall ASA Series Syslog Messages") to Network Activity: denies
 * (106001, 106006, 106007, 106014, 106015, 106023) as Refuse, access-list hits (106100), connections built and torn
 * down (302013-302016, 302020, 302021) as Open and Close, and address translations (305011, 305012). In 302013/302015
 * the {@code for} address is the outside (foreign) host and the {@code to} address the inside one; the initiator is the
 * outside host of an inbound connection and the inside host of an outbound one, and becomes {@code src_endpoint}.
 */
final class AsaConnections {

    private static final String IP = "[0-9A-Fa-f.:]+";
    private static final Pattern PROTOCOL = Pattern.compile("(?i)\\b(tcp|udp|icmp6?|gre|esp|ah|sctp)\\b");
    private static final Pattern FROM_TO = Pattern.compile("from (?:(?<sif>[A-Za-z][^\\s:]*):)?(?<sip>" + IP
            + ")/(?<sp>\\d+) to (?:(?<dif>[A-Za-z][^\\s:]*):)?(?<dip>" + IP
            + ")/(?<dp>\\d+)(?:.*? on interface (?<if>\\S+?)\\.?$)?");
    private static final Pattern SRC_DST = Pattern.compile("src (?<sif>[^\\s:]+):(?<sip>" + IP
            + ")(?:/(?<sp>\\d+))?(?: ?\\([^)]*\\))* dst (?<dif>[^\\s:]+):(?<dip>" + IP
            + ")(?:/(?<dp>\\d+))?(?:.*? by access-group \"?(?<acl>[^\"\\s]+)\"?)?");
    private static final Pattern ACCESS_LIST = Pattern
            .compile("access-list (?<acl>\\S+) (?<act>permitted|denied|est-allowed)"
                    + " (?<proto>\\S+) (?<sif>[^\\s/]+)/(?<sip>" + IP
                    + ")\\((?<sp>\\d+)\\).*?-> (?<dif>[^\\s/]+)/(?<dip>" + IP
                    + ")\\((?<dp>\\d+)\\)");
    private static final Pattern CONNECTION = Pattern.compile("(?<act>Built|Teardown) (?:(?<dir>inbound|outbound) )?"
            + "(?<proto>TCP|UDP|SCTP) connection (?<id>\\d+) for (?<aif>[^\\s:]+):(?<aip>" + IP
            + ")/(?<ap>\\d+)\\b.*? to (?<bif>[^\\s:]+):(?<bip>" + IP + ")/(?<bp>\\d+)\\b"
            + "(?:.*? duration (?<dur>\\d+:\\d{2}:\\d{2}))?(?: bytes (?<bytes>\\d+))?(?<reason>.*)$");
    private static final Pattern ICMP = Pattern.compile("(?<act>Built|Teardown) (?:(?<dir>inbound|outbound) )?"
            + "(?<proto>ICMP|ICMPv6) connection (?:\\d+ )?for faddr (?<f>" + IP
            + ")(?:/\\d+)?(?:\\([^)]*\\))? gaddr (?<g>" + IP
            + ")(?:/\\d+)? laddr (?<l>" + IP + ")(?:/\\d+)?");
    private static final Pattern TRANSLATION = Pattern.compile("(?<act>Built|Teardown) (?:dynamic|static) "
            + "(?<proto>TCP|UDP|ICMP) translation from (?<aif>[^\\s:(]+)(?:\\([^)]*\\))?:(?<aip>" + IP
            + ")/(?<ap>\\d+)\\b.*? to (?<bif>[^\\s:]+):(?<bip>" + IP
            + ")/(?<bp>\\d+)\\b(?:.*? duration (?<dur>\\S+))?");

    private AsaConnections() {
    }

    /** Maps a connection message; false when the id is not one of these, or its text is not as documented. */
    static boolean map(String id, String text, OcsfEvent out) {
        return switch (id) {
            case "106001", "106006", "106007", "106015" -> deny(FROM_TO.matcher(text), text, out);
            case "106014", "106023" -> deny(SRC_DST.matcher(text), text, out);
            case "106100" -> accessList(text, out);
            case "302013", "302014", "302015", "302016" -> connection(text, out);
            case "302020", "302021" -> icmp(text, out);
            case "305011", "305012" -> translation(text, out);
            default -> false;
        };
    }

    private static boolean deny(Matcher m, String text, OcsfEvent out) {
        if (!m.find()) {
            return false;
        }
        Traffic.classify(out, Traffic.REFUSE);
        out.status(2);
        out.set("disposition_id", 2L);
        out.set("disposition", "Blocked");
        String sif = SyslogHeader.group(m, "sif");
        String dif = SyslogHeader.group(m, "dif");
        String iface = SyslogHeader.group(m, "if");
        Traffic.endpoint(out, "src_endpoint", m.group("sip"), m.group("sp"), sif != null ? sif : iface);
        Traffic.endpoint(out, "dst_endpoint", m.group("dip"), m.group("dp"), dif);
        Matcher protocol = PROTOCOL.matcher(text);
        Traffic.protocol(out, protocol.find() ? protocol.group(1) : null);
        if (text.toLowerCase(Locale.ROOT).contains(" inbound ") || text.startsWith("Inbound")) {
            Traffic.direction(out, 1);
        }
        out.set("firewall_rule.name", SyslogHeader.group(m, "acl"));
        return true;
    }

    private static boolean accessList(String text, OcsfEvent out) {
        Matcher m = ACCESS_LIST.matcher(text);
        if (!m.find()) {
            return false;
        }
        boolean denied = m.group("act").equals("denied");
        Traffic.classify(out, denied ? Traffic.REFUSE : Traffic.TRAFFIC);
        out.status(denied ? 2 : 1);
        out.set("disposition_id", denied ? 2L : 1L);
        out.set("disposition", denied ? "Blocked" : "Allowed");
        Traffic.endpoint(out, "src_endpoint", m.group("sip"), m.group("sp"), m.group("sif"));
        Traffic.endpoint(out, "dst_endpoint", m.group("dip"), m.group("dp"), m.group("dif"));
        Traffic.protocol(out, m.group("proto"));
        out.set("firewall_rule.name", m.group("acl"));
        return true;
    }

    private static boolean connection(String text, OcsfEvent out) {
        Matcher m = CONNECTION.matcher(text);
        if (!m.find()) {
            return false;
        }
        boolean built = m.group("act").equals("Built");
        Traffic.classify(out, built ? Traffic.OPEN : Traffic.CLOSE);
        out.status(1);
        String direction = m.group("dir");
        boolean aIsSource;
        if (direction != null) {
            aIsSource = direction.equals("inbound");
            Traffic.direction(out, aIsSource ? 1 : 2);
        } else {
            // teardowns do not say who initiated: the side on a well-known port is taken as the server
            aIsSource = !(Integer.parseInt(m.group("ap")) < 1024 && Integer.parseInt(m.group("bp")) >= 1024);
        }
        String a = aIsSource ? "src_endpoint" : "dst_endpoint";
        String b = aIsSource ? "dst_endpoint" : "src_endpoint";
        Traffic.endpoint(out, a, m.group("aip"), m.group("ap"), m.group("aif"));
        Traffic.endpoint(out, b, m.group("bip"), m.group("bp"), m.group("bif"));
        Traffic.protocol(out, m.group("proto"));
        out.set("connection_info.uid", m.group("id"));
        duration(out, m.group("dur"));
        if (m.group("bytes") != null && m.group("bytes").length() < 19) {
            out.set("traffic.bytes", Long.parseLong(m.group("bytes")));
        }
        String reason = built || m.group("reason") == null ? "" : m.group("reason").strip();
        out.set("status_detail", reason.length() > 200 ? reason.substring(0, 200) : reason);
        return true;
    }

    private static boolean icmp(String text, OcsfEvent out) {
        Matcher m = ICMP.matcher(text);
        if (!m.find()) {
            return false;
        }
        Traffic.classify(out, m.group("act").equals("Built") ? Traffic.OPEN : Traffic.CLOSE);
        out.status(1);
        boolean inbound = "inbound".equals(m.group("dir"));
        if (m.group("dir") != null) {
            Traffic.direction(out, inbound ? 1 : 2);
        }
        Traffic.endpoint(out, "src_endpoint", inbound ? m.group("f") : m.group("l"), null, null);
        Traffic.endpoint(out, "dst_endpoint", inbound ? m.group("l") : m.group("f"), null, null);
        Traffic.protocol(out, m.group("proto"));
        return true;
    }

    private static boolean translation(String text, OcsfEvent out) {
        Matcher m = TRANSLATION.matcher(text);
        if (!m.find()) {
            return false;
        }
        Traffic.classify(out, m.group("act").equals("Built") ? Traffic.OPEN : Traffic.CLOSE);
        out.status(1);
        Traffic.endpoint(out, "src_endpoint", m.group("aip"), m.group("ap"), m.group("aif"));
        Traffic.endpoint(out, "dst_endpoint", m.group("bip"), m.group("bp"), m.group("bif"));
        Traffic.protocol(out, m.group("proto"));
        duration(out, m.group("dur"));
        return true;
    }

    /** {@code duration} in milliseconds from {@code h:mm:ss}. */
    private static void duration(OcsfEvent out, String hms) {
        if (hms == null || !hms.transform(Regexes.matches("\\d{1,6}:\\d{2}:\\d{2}"))) {
            return;
        }
        String[] parts = hms.split(":");
        long seconds = Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
        out.set("duration", seconds * 1000);
    }
}
