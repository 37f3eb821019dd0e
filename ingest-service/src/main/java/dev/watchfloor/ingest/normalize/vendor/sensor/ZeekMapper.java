package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.Timestamps;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek logs (Zeek 3 to 7 base scripts, Corelight's additions), as the JSON writer writes them (one object per line,
 * {@code id.orig_h} with a literal dot, {@code ts} in epoch seconds or ISO 8601) or as
 * {@link dev.watchfloor.ingest.normalize.format.ZeekTsv} reads the ASCII writer's TSV. The log ({@link ZeekLogType})
 * picks the OCSF class: conn and ssl Network Activity, dns DNS Activity, http HTTP Activity, ssh SSH Activity, files
 * Network File Activity, notice Detection Finding, kerberos and ntlm Authentication, rdp RDP Activity, dhcp DHCP
 * Activity, smb SMB Activity, smtp Email Activity, other logs with a connection Network Activity, the rest Base Event.
 */
public final class ZeekMapper implements Mapper {

    /** Logs whose records carry no connection 4-tuple but fields distinctive enough to claim them. */
    private static final Set<String> STANDALONE = Set.of("x509", "pe", "notice", "weird");

    @Override
    public String id() {
        return "zeek";
    }

    @Override
    public Set<String> formats() {
        return Set.of("json", "tsv");
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode f = record.fields();
        if (f == null || !f.has("ts")) {
            return false;
        }
        if (ZeekLogType.has(f, "id.orig_h") && ZeekLogType.has(f, "id.resp_h")) {
            return true;
        }
        if ("tsv".equals(record.format()) || f.path("_path").isTextual()) {
            return true;
        }
        // logs without a connection: told apart by fields only Zeek writes together
        String log = ZeekLogType.of(f);
        return log != null && (STANDALONE.contains(log) || log.equals("files") && f.has("fuid")
                || log.equals("dhcp") && f.has("uids"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String log = ZeekLogType.of(record.fields());
        in.use("_path");
        out.product("Zeek", "Zeek");
        out.set("metadata.log_name", log);
        out.time(time(in, ctx));
        out.severity(1);
        String sensor = in.text("_system_name");
        if (sensor != null) {
            out.append("metadata.loggers").put("name", sensor);
        }
        Timestamps.Read written = ctx.time(in.node("_write_ts"));
        if (written.original() != null && !written.flags().contains(Timestamps.Flag.UNREADABLE)) {
            out.set("metadata.logged_time", written.utc().toEpochMilli());
        }
        out.set("metadata.uid", in.text("uid"));
        connection(in, out);
        ZeekLogs.map(log == null ? "" : log, in, out);
        if (out.ocsfClass() == null) {
            boolean network = out.has("src_endpoint.ip") || out.has("dst_endpoint.ip");
            out.classify(network ? OcsfClass.NETWORK_ACTIVITY : OcsfClass.BASE_EVENT, network ? 6 : 99,
                    network ? "Traffic" : "Other");
            out.set("app_name", log);
        }
    }

    /** {@code ts}: epoch seconds (Zeek's JSON default, read as seconds even before 1990) or ISO 8601 text. */
    private static Timestamps.Read time(Source in, MapContext ctx) {
        JsonNode ts = in.node("ts");
        // a double's own text can be 1.7958E9: read (and keep) the number as Zeek wrote it
        Timestamps.Read read = ts != null && ts.isNumber() ? ctx.time(ts.decimalValue().toPlainString()) : ctx.time(ts);
        if (!read.flags().contains(Timestamps.Flag.UNREADABLE) || ts == null
                || !(ts.isNumber() || ts.asText().transform(Regexes.matches("\\d{1,11}(\\.\\d{1,9})?")))) {
            return read;
        }
        try {
            BigDecimal seconds = ts.isNumber() ? ts.decimalValue() : new BigDecimal(ts.asText());
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(4_102_444_800L)) >= 0) {
                return read;
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return new Timestamps.Read(Instant.ofEpochSecond(whole, nanos), seconds.toPlainString(),
                    EnumSet.of(Timestamps.Flag.SKEWED));
        } catch (NumberFormatException e) {
            return read;
        }
    }

    /** The connection 4-tuple every connection-based log shares, and the transport protocol. */
    private static void connection(Source in, OcsfEvent out) {
        out.set("src_endpoint.ip", in.text("id.orig_h"));
        out.port("src_endpoint.port", in.text("id.orig_p"));
        out.set("dst_endpoint.ip", in.text("id.resp_h"));
        out.port("dst_endpoint.port", in.text("id.resp_p"));
        String proto = in.text("proto");
        if (proto != null) {
            out.set("connection_info.protocol_name", proto.toLowerCase(Locale.ROOT));
            out.set("connection_info.protocol_num", switch (proto.toLowerCase(Locale.ROOT)) {
                case "tcp" -> 6L;
                case "udp" -> 17L;
                case "icmp" -> 1L;
                default -> null;
            });
        }
        Boolean localOrig = bool(in, "local_orig");
        Boolean localResp = bool(in, "local_resp");
        if (localOrig != null && localResp != null) {
            int direction = localOrig ? (localResp ? 3 : 2) : (localResp ? 1 : 0);
            out.set("connection_info.direction_id", (long) direction);
            out.set("connection_info.direction", switch (direction) {
                case 1 -> "Inbound";
                case 2 -> "Outbound";
                case 3 -> "Lateral";
                default -> "Unknown";
            });
        }
        out.set("connection_info.community_uid", in.text("community_id"));
    }

    /** A JSON boolean (or T/F, true/false text) read and marked used; null when absent or odd. */
    static Boolean bool(Source in, String path) {
        JsonNode value = in.peek(path);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        Boolean b = switch (text) {
            case "true", "t" -> Boolean.TRUE;
            case "false", "f" -> Boolean.FALSE;
            default -> null;
        };
        if (b != null) {
            in.use(path);
        }
        return b;
    }
}
