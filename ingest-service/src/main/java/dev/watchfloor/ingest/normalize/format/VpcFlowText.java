package dev.watchfloor.ingest.normalize.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;

/**
 * Amazon VPC Flow Logs in their text form (Amazon VPC User Guide, "Flow log records", versions 2-8): a header line
 * naming the fields of the log's format (default or custom order, {@code version account-id interface-id srcaddr ...}),
 * then one space-separated record per line; {@code -} is an absent value. A comma-separated header and records (exports
 * of the same fields, names written with {@code _}) are read the same way. Field names are given with {@code _}
 * ({@code log_status}, as in the Parquet and JSON forms), values as text; a header repeated in the middle (files
 * joined) starts a new format. A record whose field count differs from its header's is quarantined. A line of the
 * default format delivered without a header (CloudWatch Logs) is recognised by {@link #defaultRecord}.
 */
public final class VpcFlowText {

    /** The documented field names (with {@code _}). */
    static final Set<String> FIELDS = Set.of("version", "account_id", "interface_id", "srcaddr", "dstaddr", "srcport",
            "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log_status", "vpc_id", "subnet_id",
            "instance_id", "tcp_flags", "type", "pkt_srcaddr", "pkt_dstaddr", "region", "az_id", "sublocation_type",
            "sublocation_id", "pkt_src_aws_service", "pkt_dst_aws_service", "flow_direction", "traffic_path",
            "ecs_cluster_arn", "ecs_cluster_name", "ecs_container_instance_arn", "ecs_container_instance_id",
            "ecs_container_id", "ecs_second_container_id", "ecs_service_name", "ecs_task_definition_arn",
            "ecs_task_arn", "ecs_task_id", "reject_reason");
    /** Fields only a flow log has; a header must name one. */
    private static final Set<String> DISTINCT = Set.of("srcaddr", "dstaddr", "interface_id", "log_status",
            "pkt_srcaddr", "pkt_dstaddr");
    private static final int MAX_FIELDS = 128;

    private VpcFlowText() {
    }

    /** Whether the body starts with a VPC flow log header line. */
    public static boolean looksLike(String body) {
        if (!body.startsWith("version") && !body.startsWith("account") && !body.startsWith("interface")
                && body.indexOf("srcaddr") < 0 && body.indexOf("dstaddr") < 0) {
            return false; // every header names an address field; most bodies are not flow logs at all
        }
        int nl = body.indexOf('\n');
        return header(nl < 0 ? body : body.substring(0, nl)) != null;
    }

    /** The log's records, each with its character offset in the body. */
    public static List<Piece> records(String body) {
        List<Piece> pieces = new ArrayList<>();
        Header[] header = {null}; // the latest header line: a body may hold several logs
        BodyLines.each(body, 0, (line, offset) -> {
            Header next = header(line);
            if (next != null) {
                header[0] = next;
            } else if (!line.isBlank() && header[0] != null) {
                pieces.add(record(header[0], line, offset));
            }
            return true;
        });
        return pieces;
    }

    /** The default format's fields (version 2), for records delivered without their header (CloudWatch Logs). */
    private static final String[] DEFAULT = {"version", "account_id", "interface_id", "srcaddr", "dstaddr", "srcport",
            "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log_status"};

    /**
     * A line in the default format without its header ({@code 2 <account> eni-... <srcaddr> ... ACCEPT OK}) as fields,
     * or null when the line is not one.
     */
    public static ObjectNode defaultRecord(String line) {
        if (line == null || line.length() > 1024) {
            return null;
        }
        String[] values = split(line, false);
        if (values.length != DEFAULT.length || !values[0].transform(Regexes.matches("\\d{1,2}"))
                || !(values[2].startsWith("eni-") || values[2].equals("-"))
                || !values[12].transform(Regexes.matches("ACCEPT|REJECT|-"))
                || !values[13].transform(Regexes.matches("OK|NODATA|SKIPDATA"))) {
            return null;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].equals("-")) {
                fields.put(DEFAULT[i], values[i]);
            }
        }
        return fields;
    }

    private static Piece record(Header header, String line, int offset) {
        String[] values = split(line, header.comma);
        if (values.length != header.names.length) {
            return Piece.quarantined(offset, "VPC flow log record has " + values.length + " fields, its header names "
                    + header.names.length, line);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].equals("-") && !values[i].isEmpty()) {
                fields.put(header.names[i], values[i]);
            }
        }
        return Piece.read(offset, new Parsed("tsv", fields, line, new ArrayList<>()));
    }

    /** The header a line is, or null: every name documented, one of them a flow log's own. */
    static Header header(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.length() > 4096) {
            return null;
        }
        boolean comma = text.indexOf(',') >= 0;
        String[] names = split(text, comma);
        if (names.length < 3 || names.length > MAX_FIELDS) {
            return null;
        }
        boolean distinct = false;
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].toLowerCase(Locale.ROOT).replace('-', '_');
            if (!FIELDS.contains(names[i])) {
                return null;
            }
            distinct |= DISTINCT.contains(names[i]);
        }
        return distinct ? new Header(names, comma) : null;
    }

    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[ \\t]+");

    private static String[] split(String line, boolean comma) {
        String[] parts = comma ? line.strip().split(",", -1) : BLANKS.split(line.strip());
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    record Header(String[] names, boolean comma) {
    }
}
