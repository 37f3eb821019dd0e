package dev.watchfloor.ingest.normalize.vendor.endpoint;

import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * CrowdStrike Falcon Data Replicator telemetry (Falcon "Events Data Dictionary"): ProcessRollup2,
 * SyntheticProcessRollup2, EndOfProcess, DnsRequest, NetworkConnectIP4/6, NetworkAcceptIP4/6, NetworkListenIP4/6,
 * UserLogon, UserLogonFailed(2), UserLogoff; {@code timestamp} in epoch milliseconds, {@code aid} the sensor.
 */
final class CrowdStrikeTelemetry {

    private final OcsfEvent out;
    private final MapContext ctx;
    private final CrowdStrikeFields f;

    CrowdStrikeTelemetry(Source in, OcsfEvent out, MapContext ctx, String base) {
        this.out = out;
        this.ctx = ctx;
        this.f = new CrowdStrikeFields(in, base);
    }

    /** A Falcon Data Replicator event by its {@code event_simpleName}. */
    void map(String name) {
        out.time(ctx.time(f.node("timestamp", "ContextTimeStamp")));
        out.severity(1);
        out.set("metadata.event_code", f.t("name"));
        out.set("device.hostname", f.t("ComputerName"));
        out.set("device.ip", f.t("aip"));
        out.set("device.uid", f.t("aid"));
        out.set("device.os.name", f.t("event_platform"));
        out.set("cloud.account.uid", f.t("cid"));
        out.set("message", "CrowdStrike " + name);
        switch (name) {
            case "ProcessRollup2", "SyntheticProcessRollup2" -> process(1, "Launch");
            case "EndOfProcess", "TerminateProcess" -> process(2, "Terminate");
            case "DnsRequest" -> {
                out.classify(OcsfClass.DNS_ACTIVITY, 1, "Query");
                out.status(1);
                out.set("query.hostname", f.t("DomainName"));
                out.set("query.type", dnsType(f.t("RequestType")));
                out.set("actor.process.uid", f.t("ContextProcessId"));
            }
            case "NetworkConnectIP4", "NetworkConnectIP6" -> network(1, "Open", true);
            case "NetworkAcceptIP4", "NetworkAcceptIP6" -> network(1, "Open", false);
            case "NetworkListenIP4", "NetworkListenIP6" -> network(7, "Listen", false);
            case "UserLogon", "UserLogonFailed", "UserLogonFailed2", "UserLogoff" -> logon(name);
            default -> out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
    }

    private void process(int activity, String name) {
        out.classify(OcsfClass.PROCESS_ACTIVITY, activity, name);
        out.status(1);
        Endpoints.process(out, "process", f.t("ImageFileName"), WinEvent.parseNumber(f.t("RawProcessId")),
                f.t("CommandLine"));
        out.set("process.uid", f.t("TargetProcessId"));
        Endpoints.hash(out, "process.file", "SHA256", f.t("SHA256HashData"));
        Endpoints.hash(out, "process.file", "MD5", f.t("MD5HashData"));
        Endpoints.hash(out, "process.file", "SHA1", f.t("SHA1HashData"));
        String parent = f.t("ParentBaseFileName");
        String parentUid = f.t("ParentProcessId");
        out.set("process.parent_process.name", parent);
        out.set("process.parent_process.uid", parentUid);
        out.set("actor.process.name", parent);
        out.set("actor.process.uid", parentUid);
        Long source = WinEvent.parseNumber(f.t("SourceProcessId"));
        if (source != null && source <= Integer.MAX_VALUE) {
            out.set("actor.process.pid", source);
        }
        Endpoints.user(out, "actor.user", f.t("UserName"), null, f.t("UserSid"));
        out.set("process.user.uid", out.text("actor.user.uid"));
        out.set("process.user.name", out.text("actor.user.name"));
    }

    private void network(int activity, String name, boolean outbound) {
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, name);
        out.status(1);
        String local = outbound ? "src_endpoint" : "dst_endpoint";
        String remote = outbound ? "dst_endpoint" : "src_endpoint";
        out.set(local + ".ip", f.t("LocalAddressIP4", "LocalAddressIP6"));
        out.port(local + ".port", f.t("LocalPort"));
        out.set(remote + ".ip", f.t("RemoteAddressIP4", "RemoteAddressIP6"));
        out.port(remote + ".port", f.t("RemotePort"));
        out.set("connection_info.direction_id", outbound ? 2L : 1L);
        out.set("connection_info.direction", outbound ? "Outbound" : "Inbound");
        Long protocol = WinEvent.parseNumber(f.t("Protocol"));
        if (protocol != null) {
            out.set("connection_info.protocol_num", protocol);
            out.set("connection_info.protocol_name", protocol == 6 ? "tcp" : protocol == 17 ? "udp" : null);
        }
        out.set("actor.process.uid", f.t("ContextProcessId"));
    }

    private void logon(String name) {
        boolean logoff = name.equals("UserLogoff");
        out.classify(OcsfClass.AUTHENTICATION, logoff ? 2 : 1, logoff ? "Logoff" : "Logon");
        out.status(name.startsWith("UserLogonFailed") ? 2 : 1);
        Endpoints.user(out, "user", f.t("UserName"), f.t("LogonDomain"), f.t("UserSid"));
        Long type = WinEvent.parseNumber(f.t("LogonType"));
        if (type != null) {
            String caption = WindowsLogonEvents.logonType(type.intValue());
            out.set("logon_type_id", type == 0 ? 1L : caption.equals("Other") ? 99L : type);
            out.set("logon_type", caption);
        }
        out.set("src_endpoint.ip", f.t("RemoteAddressIP4", "RemoteAddressIP6"));
        out.set("dst_endpoint.hostname", f.t("ComputerName"));
    }

    private static String dnsType(String type) {
        Long t = WinEvent.parseNumber(type);
        if (t == null) {
            return type;
        }
        return switch (t.intValue()) {
            case 1 -> "A";
            case 2 -> "NS";
            case 5 -> "CNAME";
            case 6 -> "SOA";
            case 12 -> "PTR";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 28 -> "AAAA";
            case 33 -> "SRV";
            case 65 -> "HTTPS";
            default -> type;
        };
    }
}
