package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * VPC flow log fields by their documented names however a delivery spells them ({@code log_status}, {@code log-status},
 * {@code logStatus}, Panther's {@code srcAddr}), and the connection they describe (IANA protocol number, flow
 * direction, TCP flags, IP version) as OCSF {@code connection_info}.
 */
final class VpcFlowFields {

    private VpcFlowFields() {
    }

    /** Spellings per documented name, built once: detection asks for them of every JSON record. */
    private static final Map<String, String[]> SPELLINGS = new ConcurrentHashMap<>();

    /** The record's key for a documented field: {@code log_status}, {@code log-status} or {@code logStatus}. */
    static String key(JsonNode f, String snake) {
        for (String spelling : SPELLINGS.computeIfAbsent(snake, VpcFlowFields::spellings)) {
            if (f.has(spelling)) {
                return spelling;
            }
        }
        return snake;
    }

    /** {@code log_status}, {@code log-status}, {@code logStatus}, and Panther's {@code srcAddr} for address fields. */
    private static String[] spellings(String snake) {
        List<String> spellings = new ArrayList<>(List.of(snake, snake.replace('_', '-')));
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String c = camel.toString();
        spellings.add(c);
        // Panther writes srcAddr, dstPort
        if (c.transform(Regexes.matches("(pkt)?(src|dst)(addr|port)"))) {
            String cut = c.substring(0, c.length() - 4);
            spellings.add(cut + Character.toUpperCase(c.charAt(cut.length())) + c.substring(cut.length() + 1));
        }
        return spellings.stream().distinct().toArray(String[]::new);
    }

    /** {@code connection_info}: protocol, direction (ingress Inbound, egress Outbound), TCP flags, IP version. */
    static void connection(Source in, VpcFlowMapper.Keys k, String direction, OcsfEvent out) {
        Long protocol = in.number(k.of("protocol"));
        if (protocol != null && protocol >= 0 && protocol <= 255) {
            out.set("connection_info.protocol_num", protocol);
            out.set("connection_info.protocol_name", switch (protocol.intValue()) {
                case 1 -> "icmp";
                case 6 -> "tcp";
                case 17 -> "udp";
                case 47 -> "gre";
                case 50 -> "esp";
                case 58 -> "ipv6-icmp";
                default -> null;
            });
        }
        switch (Fields.lower(direction)) {
            case "ingress" -> {
                out.set("connection_info.direction_id", 1L);
                out.set("connection_info.direction", "Inbound");
            }
            case "egress" -> {
                out.set("connection_info.direction_id", 2L);
                out.set("connection_info.direction", "Outbound");
            }
            default -> {
            }
        }
        out.set("connection_info.tcp_flags", in.number(k.of("tcp_flags")));
        String type = in.text(k.of("type"));
        out.set("connection_info.protocol_ver", type);
        if (type != null) {
            String t = type.toUpperCase(Locale.ROOT);
            Long id = switch (t) { // EFA and others have no IP version id
                case "IPV4" -> 4L;
                case "IPV6" -> 6L;
                default -> null;
            };
            out.set("connection_info.protocol_ver_id", id);
        }
    }
}
