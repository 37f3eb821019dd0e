package dev.watchfloor.ingest.normalize.vendor.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's {@code dns.log} as DNS Activity: the query (name, type, class, transaction id), the response code (status
 * success for NOERROR), the answers with their TTLs at the same index, and the header flags as answer flag ids. A
 * record with a response is Traffic (query and response), one without a Query.
 */
final class ZeekDnsLog {

    private ZeekDnsLog() {
    }

    static void map(Source in, OcsfEvent out) {
        Long rcode = in.number("rcode");
        JsonNode answers = in.peek("answers");
        boolean response = rcode != null || answers != null && answers.isArray() && !answers.isEmpty();
        out.classify(OcsfClass.DNS_ACTIVITY, response ? 6 : 1, response ? "Traffic" : "Query");
        out.set("query.hostname", in.text("query"));
        out.set("query.type", in.text("qtype_name"));
        out.set("query.class", in.text("qclass_name"));
        Long transaction = in.number("trans_id");
        out.set("query.packet_uid", transaction);
        out.set("rcode", in.text("rcode_name"));
        if (rcode != null) {
            out.set("rcode_id", rcode >= 0 && rcode <= 10 ? rcode : 99L);
        }
        out.set("response_time", ZeekLogs.millis(in, "rtt"));
        Boolean rejected = ZeekMapper.bool(in, "rejected");
        if (rcode != null || Boolean.TRUE.equals(rejected)) {
            out.status(rcode != null && rcode == 0 && !Boolean.TRUE.equals(rejected) ? 1 : 2);
        }
        answers(in, out, transaction);
    }
    /** {@code answers} with {@code TTLs} at the same index, and the header flags Zeek reports. */
    private static void answers(Source in, OcsfEvent out, Long transaction) {
        JsonNode answers = in.peek("answers");
        if (answers == null || !answers.isArray()) {
            return;
        }
        in.use("answers");
        JsonNode ttls = in.peek("TTLs");
        if (ttls != null && ttls.isArray()) {
            in.use("TTLs");
        }
        int[] flagIds = flags(in);
        for (int i = 0; i < answers.size() && i < 1000; i++) {
            JsonNode answer = answers.get(i);
            if (answer == null || !answer.isValueNode()) {
                continue;
            }
            ObjectNode a = out.append("answers");
            a.put("rdata", answer.asText());
            JsonNode ttl = ttls != null && ttls.isArray() ? ttls.get(i) : null;
            if (ttl != null && ttl.isNumber()) {
                a.put("ttl", ttl.asLong());
            }
            if (transaction != null) {
                a.put("packet_uid", transaction);
            }
            if (flagIds.length > 0) {
                var ids = a.putArray("flag_ids");
                for (int id : flagIds) {
                    ids.add(id);
                }
            }
        }
    }
    /** OCSF DNS flag ids: 1 AA, 2 TC, 3 RD, 4 RA. */
    private static int[] flags(Source in) {
        String[] names = {"AA", "TC", "RD", "RA"};
        int[] found = new int[4];
        int n = 0;
        for (int i = 0; i < names.length; i++) {
            if (Boolean.TRUE.equals(ZeekMapper.bool(in, names[i]))) {
                found[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }
}
