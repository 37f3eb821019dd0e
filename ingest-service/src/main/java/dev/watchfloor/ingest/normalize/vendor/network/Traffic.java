package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.Locale;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/** Setters shared by the firewall mappers for OCSF Network Activity (4001) events. */
final class Traffic {

    static final int OPEN = 1;
    static final int CLOSE = 2;
    static final int RESET = 3;
    static final int FAIL = 4;
    static final int REFUSE = 5;
    static final int TRAFFIC = 6;

    private Traffic() {
    }

    static void classify(OcsfEvent out, int activity) {
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, switch (activity) {
            case OPEN -> "Open";
            case CLOSE -> "Close";
            case RESET -> "Reset";
            case FAIL -> "Fail";
            case REFUSE -> "Refuse";
            case TRAFFIC -> "Traffic";
            default -> "Other";
        });
    }

    /** An endpoint: {@code side} is {@code src_endpoint} or {@code dst_endpoint}; null values are skipped. */
    static void endpoint(OcsfEvent out, String side, String ip, String port, String iface) {
        if (SyslogHeader.isIp(ip)) {
            out.set(side + ".ip", ip);
        } else if (ip != null && ip.transform(Regexes.matches("[\\w.-]{1,253}"))) {
            out.set(side + ".hostname", ip);
        }
        out.port(side + ".port", port);
        out.set(side + ".interface_name", iface);
    }

    /** {@code connection_info.protocol_name} (lower case) and {@code protocol_num} for the common protocols. */
    static void protocol(OcsfEvent out, String protocol) {
        if (protocol == null || protocol.isBlank()) {
            return;
        }
        String name = protocol.strip().toLowerCase(Locale.ROOT);
        if (name.transform(Regexes.matches("\\d{1,3}"))) {
            out.set("connection_info.protocol_num", Long.parseLong(name));
            return;
        }
        out.set("connection_info.protocol_name", name);
        Long number = switch (name) {
            case "icmp" -> 1L;
            case "tcp" -> 6L;
            case "udp" -> 17L;
            case "gre" -> 47L;
            case "esp" -> 50L;
            case "icmp6", "icmpv6", "ipv6-icmp" -> 58L;
            case "sctp" -> 132L;
            default -> null;
        };
        out.set("connection_info.protocol_num", number);
    }

    /** {@code connection_info.direction_id}: 1 inbound, 2 outbound, 3 lateral. */
    static void direction(OcsfEvent out, int id) {
        out.set("connection_info.direction_id", (long) id);
        out.set("connection_info.direction", switch (id) {
            case 1 -> "Inbound";
            case 2 -> "Outbound";
            case 3 -> "Lateral";
            default -> "Unknown";
        });
    }
}
