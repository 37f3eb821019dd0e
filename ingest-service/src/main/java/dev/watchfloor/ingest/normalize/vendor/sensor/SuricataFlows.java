package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Timestamps;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Suricata EVE {@code tls} (Network Activity with the TLS details and JA3/JA3S), {@code ssh} (SSH Activity with HASSH),
 * {@code fileinfo} (Network File Activity with hashes; the direction from {@code direction}) and {@code flow}/
 * {@code netflow} (Network Activity with traffic counters, start and end times; a closed flow is Close).
 */
final class SuricataFlows {

    private SuricataFlows() {
    }

    static void map(String type, Source in, OcsfEvent out, MapContext ctx) {
        switch (type) {
            case "tls" -> tls(in, out);
            case "ssh" -> ssh(in, out);
            case "fileinfo" -> fileinfo(in, out);
            default -> flow(type, in, out, ctx);
        }
    }

    private static void tls(Source in, OcsfEvent out) {
        out.classify(OcsfClass.NETWORK_ACTIVITY, 6, "Traffic");
        out.set("tls.version", in.text("tls.version"));
        out.set("tls.sni", in.text("tls.sni"));
        out.set("tls.certificate.subject", in.text("tls.subject"));
        out.set("tls.certificate.issuer", in.text("tls.issuerdn"));
        out.set("tls.certificate.serial_number", in.text("tls.serial"));
        String fingerprint = in.text("tls.fingerprint");
        if (fingerprint != null) {
            ObjectNode fp = out.append("tls.certificate.fingerprints");
            fp.put("algorithm_id", 2);
            fp.put("algorithm", "SHA-1");
            fp.put("value", fingerprint);
        }
        for (String[] ja : new String[][]{{"tls.ja3.hash", "tls.ja3_hash"}, {"tls.ja3s.hash", "tls.ja3s_hash"}}) {
            String hash = in.text(ja[0]);
            if (hash != null) {
                out.set(ja[1] + ".algorithm_id", 1L);
                out.set(ja[1] + ".value", hash);
            }
        }
    }
    private static void ssh(Source in, OcsfEvent out) {
        out.classify(OcsfClass.SSH_ACTIVITY, 1, "Open");
        out.set("protocol_ver", in.text("ssh.client.proto_version", "ssh.server.proto_version"));
        for (String[] side : new String[][]{{"client", "client_hassh"}, {"server", "server_hassh"}}) {
            String hash = in.text("ssh." + side[0] + ".hassh.hash");
            if (hash != null) {
                out.set(side[1] + ".fingerprint.algorithm_id", 1L);
                out.set(side[1] + ".fingerprint.algorithm", "MD5");
                out.set(side[1] + ".fingerprint.value", hash);
            }
        }
    }
    private static void fileinfo(Source in, OcsfEvent out) {
        String direction = String.valueOf(in.peekText("direction")).toLowerCase(Locale.ROOT);
        int activity = direction.equals("to_client") ? 2 : direction.equals("to_server") ? 1 : 0;
        if (activity != 0) {
            in.use("direction");
        }
        out.classify(OcsfClass.NETWORK_FILE_ACTIVITY, activity,
                activity == 2 ? "Download" : activity == 1 ? "Upload" : "Unknown");
        String name = in.text("fileinfo.filename");
        out.set("file.name", name == null ? null : name.substring(name.lastIndexOf('/') + 1));
        out.set("file.path", name);
        out.set("file.size", in.number("fileinfo.size"));
        out.set("file.mime_type", in.text("fileinfo.mimetype"));
        out.set("file.desc", in.text("fileinfo.magic"));
        for (String algorithm : new String[]{"md5", "sha1", "sha256"}) {
            NetworkFields.hash(out, "file.hashes", algorithm, in.text("fileinfo." + algorithm));
        }
        out.set("http_request.url.hostname", in.text("http.hostname"));
        out.set("http_request.url.path", in.text("http.url"));
    }
    private static void flow(String type, Source in, OcsfEvent out, MapContext ctx) {
        String state = String.valueOf(in.peekText("flow.state")).toLowerCase(Locale.ROOT);
        int activity = type.equals("netflow") ? 6 : switch (state) {
            case "new" -> 1;
            case "closed" -> 2;
            default -> 6;
        };
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, activity == 1
                ? "Open"
                : activity == 2
                        ? "Close"
                        : "Traffic");
        String side = type.equals("netflow") ? "netflow" : "flow";
        out.set("status_code", in.text(side + ".state"));
        out.set("status_detail", in.text(side + ".reason"));
        for (String[] bound : new String[][]{{"start", "start_time"}, {"end", "end_time"}}) {
            JsonNode at = in.peek(side + "." + bound[0]);
            Timestamps.Read read = at == null ? null : ctx.time(at);
            if (read != null && !read.flags().contains(Timestamps.Flag.UNREADABLE)) {
                in.use(side + "." + bound[0]);
                out.set(bound[1], read.utc().toEpochMilli());
            }
        }
        Long packetsOut = in.number(side + ".pkts_toserver", side + ".pkts");
        Long packetsIn = in.number(side + ".pkts_toclient");
        Long bytesOut = in.number(side + ".bytes_toserver", side + ".bytes");
        Long bytesIn = in.number(side + ".bytes_toclient");
        out.set("traffic.packets_out", packetsOut);
        out.set("traffic.packets_in", packetsIn);
        out.set("traffic.bytes_out", bytesOut);
        out.set("traffic.bytes_in", bytesIn);
        if (packetsOut != null && packetsIn != null) {
            out.set("traffic.packets", packetsOut + packetsIn);
        }
        if (bytesOut != null && bytesIn != null) {
            out.set("traffic.bytes", bytesOut + bytesIn);
        }
    }
}
