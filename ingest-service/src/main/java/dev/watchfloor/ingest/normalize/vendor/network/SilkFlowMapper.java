package dev.watchfloor.ingest.normalize.vendor.network;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Timestamps;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * CERT NetSA SiLK flow records as {@code rwcut} prints them (read by {@code SilkText}: fields named by rwcut's titles)
 * to Network Activity, Traffic: a flow record reports traffic seen, with no verdict. Source and destination address and
 * port (not for ICMP, whose port fields carry type and code), protocol number, TCP flags, packets and bytes, start and
 * end time and duration, and the direction the default site configuration's flow types ({@code in}, {@code outweb},
 * ...) name. Everything else (sensor, class and type, interfaces, next hop, initial and session flags, attributes,
 * application, ICMP type and code, plug-in fields) stays in {@code unmapped}.
 */
public final class SilkFlowMapper implements Mapper {

    /** The maker of SiLK, as OCSF's own SiLK mapping example names it. */
    static final String VENDOR = "CERT/NetSA at Carnegie Mellon University - Software Engineering Institute";

    @Override
    public String id() {
        return "silk";
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode f = record.fields();
        if (f == null) {
            return false;
        }
        boolean addresses = f.has("sIP") || f.has("dIP");
        return addresses && ("tsv".equals(record.format()) || f.has("sIP") && f.has("dIP") && (f.has("sTime") || f
                .has("sTime+msec")));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        Traffic.classify(out, Traffic.TRAFFIC);
        out.severity(1);
        out.product(VENDOR, "SiLK");
        times(in, out, ctx);
        String protocol = in.text("protocol");
        Traffic.protocol(out, protocol);
        boolean icmp = "1".equals(protocol) || "58".equals(protocol);
        endpoint(in, out, "src_endpoint", "sIP", icmp ? null : "sPort");
        endpoint(in, out, "dst_endpoint", "dIP", icmp ? null : "dPort");
        Long flags = SilkValues.tcpFlags(in.peekText("flags"));
        if (flags != null) {
            in.use("flags");
            out.set("connection_info.tcp_flags", flags);
        }
        int direction = SilkValues.direction(in.peekText("type")); // the type itself stays in unmapped
        if (direction != 0) {
            Traffic.direction(out, direction);
        }
        out.set("traffic.packets", in.number("packets"));
        out.set("traffic.bytes", in.number("bytes"));
    }

    /** time and start_time from sTime, end_time from eTime (else start plus duration), duration in ms. */
    private static void times(Source in, OcsfEvent out, MapContext ctx) {
        String withMsec = in.text("sTime+msec"); // deprecated columns, the same times always with milliseconds
        String start = in.text("sTime");
        Timestamps.Read read = SilkValues.time(withMsec != null ? withMsec : start, ctx);
        out.time(read);
        boolean readable = read.original() != null && !read.flags().contains(Timestamps.Flag.UNREADABLE);
        if (readable) {
            out.set("start_time", read.utc().toEpochMilli());
        }
        String durationMsec = in.text("dur+msec");
        String duration = in.text("duration");
        Long millis = SilkValues.millis(durationMsec != null ? durationMsec : duration);
        out.set("duration", millis);
        String endMsec = in.text("eTime+msec");
        String endText = in.text("eTime");
        Timestamps.Read end = SilkValues.time(endMsec != null ? endMsec : endText, ctx);
        if (end.original() != null && !end.flags().contains(Timestamps.Flag.UNREADABLE)) {
            out.set("end_time", end.utc().toEpochMilli());
        } else if (readable && millis != null) {
            out.set("end_time", read.utc().toEpochMilli() + millis);
        }
    }

    /** An endpoint's address and port, each marked read only when it is one (else it stays in unmapped). */
    private static void endpoint(Source in, OcsfEvent out, String side, String addressField, String portField) {
        String ip = SilkValues.address(in.peekText(addressField));
        if (ip != null) {
            in.use(addressField);
            out.set(side + ".ip", ip);
        }
        String port = portField == null ? null : SilkValues.port(in.peekText(portField));
        if (port != null) {
            in.use(portField);
            out.port(side + ".port", port);
        }
    }
}
