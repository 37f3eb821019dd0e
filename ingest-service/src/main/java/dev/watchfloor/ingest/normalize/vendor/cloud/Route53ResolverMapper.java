package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * Amazon Route 53 Resolver query logs (Amazon Route 53 Developer Guide, "Values that appear in Resolver query logs",
 * version 1.100000; also Panther's {@code AWS.VPCDns}) to DNS Activity (Traffic: each record holds the query and its
 * response): the querying address and port, the VPC, instance or resolver endpoint it came from, the question, the
 * response code and answers, and the DNS Firewall rule action (ALLOW, BLOCK, ALERT) as disposition.
 */
public final class Route53ResolverMapper implements Mapper {

    private static final int MAX_ANSWERS = 64;

    @Override
    public String id() {
        return "route53-resolver";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if ("AWS.VPCDns".equals(Fields.peek(f, "p_log_type"))) {
            return true;
        }
        return Fields.peek(f, "query_name") != null && Fields.peek(f, "query_timestamp") != null
                && (Fields.has(f, "srcaddr") || Fields.has(f, "srcids"))
                && (Fields.has(f, "rcode") || Fields.has(f, "query_type"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        out.classify(OcsfClass.DNS_ACTIVITY, 6, "Traffic");
        out.time(ctx.time(Fields.scalar(in, "query_timestamp")));
        out.severity(1);
        out.product("AWS", "Route 53");
        out.set("metadata.product.feature.name", "Resolver Query Logs");
        out.set("metadata.product.version", in.text("version"));
        out.set("cloud.provider", "AWS");
        out.set("cloud.account.uid", in.text("account_id"));
        out.set("cloud.region", in.text("region"));
        String ip = in.text("srcaddr");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
        out.port("src_endpoint.port", in.text("srcport"));
        out.set("src_endpoint.vpc_uid", in.text("vpc_id"));
        out.set("src_endpoint.instance_uid", in.text("srcids.instance"));
        out.set("src_endpoint.interface_uid", in.text("srcids.resolver_network_interface"));
        out.set("dst_endpoint.uid", in.text("srcids.resolver_endpoint"));
        String transport = in.text("transport");
        out.set("connection_info.protocol_name", transport == null ? null : transport.toLowerCase(Locale.ROOT));
        out.set("query.hostname", in.text("query_name"));
        out.set("query.type", in.text("query_type"));
        out.set("query.class", in.text("query_class"));
        String rcode = in.text("rcode");
        out.set("rcode", rcode);
        Integer rcodeId = rcodeId(rcode);
        if (rcodeId != null) {
            out.set("rcode_id", (long) rcodeId);
        }
        answers(in, out);
        firewall(in, out);
    }

    /** {@code answers}: an array of {Rdata, Type, Class}, or a single such object (Panther). */
    private static void answers(Source in, OcsfEvent out) {
        JsonNode answers = in.peek("answers");
        if (answers != null && answers.isObject()) {
            answer(in, "answers.", out);
            return;
        }
        int n = answers != null && answers.isArray() ? Math.min(answers.size(), MAX_ANSWERS) : 0;
        for (int i = 0; i < n; i++) {
            answer(in, "answers." + i + ".", out);
        }
    }

    private static void answer(Source in, String at, OcsfEvent out) {
        String rdata = in.text(at + "Rdata");
        if (rdata == null) {
            return;
        }
        ObjectNode answer = out.append("answers").put("rdata", rdata);
        String type = in.text(at + "Type");
        if (type != null) {
            answer.put("type", type);
        }
        String dnsClass = in.text(at + "Class");
        if (dnsClass != null) {
            answer.put("class", dnsClass);
        }
    }

    /** Route 53 Resolver DNS Firewall: the rule action and the rule group and domain list it came from. */
    private static void firewall(Source in, OcsfEvent out) {
        String action = in.text("firewall_rule_action");
        if (action == null) {
            return;
        }
        switch (action.toUpperCase(Locale.ROOT)) {
            case "ALLOW" -> Controls.allowed(out);
            case "BLOCK" -> Controls.blocked(out);
            case "ALERT" -> Controls.detected(out, false);
            default -> Controls.other(out, action);
        }
        out.set("firewall_rule.uid", in.text("firewall_rule_group_id"));
    }

    /** OCSF rcode_id (RFC 1035/2136/6895 codes) for the response code names Route 53 writes. */
    static Integer rcodeId(String rcode) {
        if (rcode == null) {
            return null;
        }
        return switch (rcode.toUpperCase(Locale.ROOT)) {
            case "NOERROR" -> 0;
            case "FORMERR" -> 1;
            case "SERVFAIL" -> 2;
            case "NXDOMAIN" -> 3;
            case "NOTIMP" -> 4;
            case "REFUSED" -> 5;
            case "YXDOMAIN" -> 6;
            case "YXRRSET" -> 7;
            case "NXRRSET" -> 8;
            case "NOTAUTH" -> 9;
            case "NOTZONE" -> 10;
            default -> 99;
        };
    }
}
