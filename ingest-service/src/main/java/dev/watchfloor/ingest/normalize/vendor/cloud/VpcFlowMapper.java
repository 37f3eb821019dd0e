package dev.watchfloor.ingest.normalize.vendor.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.VpcFlowText;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * Amazon VPC Flow Logs records (Amazon VPC User Guide, "Flow log records", versions 2-8) to Network Activity: the text
 * form read by {@code VpcFlowText} (fields named with {@code _}), the same fields in JSON with {@code _}, {@code -} or
 * camelCase names (Parquet, Firehose, Panther's {@code AWS.VPCFlow}). ACCEPT is Traffic, allowed; REJECT is Refuse,
 * blocked; a record without an action (NODATA, SKIPDATA) is Other. A default-format line without its header (as
 * CloudWatch Logs delivers them) is read too. The network interface, instance, subnet and VPC are put on the side the
 * flow direction names as the local one (ingress: destination, egress: source).
 */
public final class VpcFlowMapper implements Mapper {

    @Override
    public String id() {
        return "vpc-flow";
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if ("AWS.VPCFlow".equals(Fields.peek(f, "p_log_type"))) {
            return true;
        }
        if (headerless(record) != null) {
            return true;
        }
        boolean addresses = has(f, "srcaddr") && has(f, "dstaddr");
        return addresses && (has(f, "interface_id") || has(f, "log_status") || has(f, "account_id"))
                || has(f, "log_status") && has(f, "interface_id");
    }

    @Override
    public void map(Parsed record, Source source, OcsfEvent out, MapContext ctx) {
        ObjectNode line = headerless(record);
        Source in = source;
        if (line != null) {
            source.use("message");
            in = new Source(line);
        }
        JsonNode f = in.root();
        Keys k = snake -> VpcFlowFields.key(f, snake);
        String action = in.text(k.of("action"));
        switch (Fields.lower(action)) {
            case "accept" -> {
                out.classify(OcsfClass.NETWORK_ACTIVITY, 6, "Traffic");
                Controls.allowed(out);
            }
            case "reject" -> {
                out.classify(OcsfClass.NETWORK_ACTIVITY, 5, "Refuse");
                Controls.blocked(out);
            }
            default -> out.classify(OcsfClass.NETWORK_ACTIVITY, 99, "Other");
        }
        Long start = in.number(k.of("start"));
        Long end = in.number(k.of("end"));
        out.time(ctx.time(start != null ? LongNode.valueOf(start) : Fields.scalar(in, k.of("start"))));
        if (start != null) {
            out.set("start_time", out.node().path("time").asLong());
        }
        if (end != null) {
            out.set("end_time", ctx.time(LongNode.valueOf(end)).utc().toEpochMilli());
        }
        out.severity(1);
        out.product("AWS", "Amazon VPC");
        out.set("metadata.product.feature.name", "Flow Logs");
        out.set("metadata.product.version", in.text(k.of("version")));
        out.set("status_code", in.text(k.of("log_status"), "status"));
        out.set("status_detail", in.text(k.of("reject_reason")));
        out.set("cloud.provider", "AWS");
        out.set("cloud.account.uid", in.text(k.of("account_id"), "account"));
        out.set("cloud.region", in.text(k.of("region")));
        out.set("cloud.zone", in.text(k.of("az_id")));
        endpoint(in.text(k.of("srcaddr")), in.text(k.of("srcport")), "src_endpoint", out);
        endpoint(in.text(k.of("dstaddr")), in.text(k.of("dstport")), "dst_endpoint", out);
        out.set("src_endpoint.svc_name", in.text(k.of("pkt_src_aws_service")));
        out.set("dst_endpoint.svc_name", in.text(k.of("pkt_dst_aws_service")));
        String direction = in.text(k.of("flow_direction"));
        String local = "egress".equals(Fields.lower(direction)) ? "src_endpoint" : "dst_endpoint";
        out.set(local + ".interface_uid", in.text(k.of("interface_id")));
        out.set(local + ".instance_uid", in.text(k.of("instance_id")));
        out.set(local + ".subnet_uid", in.text(k.of("subnet_id")));
        out.set(local + ".vpc_uid", in.text(k.of("vpc_id")));
        VpcFlowFields.connection(in, k, direction, out);
        out.set("traffic.bytes", in.number(k.of("bytes")));
        out.set("traffic.packets", in.number(k.of("packets")));
    }

    /** A default-format line that came as free text (no header), as fields; else null. */
    private static ObjectNode headerless(Parsed record) {
        ObjectNode f = record.fields();
        if (f.size() != 1 || !"text".equals(record.format())) {
            return null;
        }
        return VpcFlowText.defaultRecord(Fields.peek(f, "message"));
    }

    private static void endpoint(String ip, String port, String at, OcsfEvent out) {
        if (Fields.isIp(ip)) {
            out.set(at + ".ip", ip);
        }
        out.port(at + ".port", port);
    }

    private static boolean has(JsonNode f, String snake) {
        return Fields.has(f, VpcFlowFields.key(f, snake));
    }

    @FunctionalInterface
    interface Keys {

        String of(String snake);
    }
}
