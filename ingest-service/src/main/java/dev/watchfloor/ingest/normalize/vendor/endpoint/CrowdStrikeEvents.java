package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * CrowdStrike Falcon Event Streams events (Falcon "Streaming API event dictionary") and Falcon Data Replicator
 * telemetry (Falcon "Events Data Dictionary": ProcessRollup2, SyntheticProcessRollup2, EndOfProcess, DnsRequest,
 * NetworkConnectIP4/6, NetworkAcceptIP4/6, NetworkListenIP4/6, UserLogon, UserLogonFailed(2), UserLogoff). Fields are
 * read under {@code base} (the record itself, or {@code event.} when nested), falling back to the top level.
 */
final class CrowdStrikeEvents {

    private final Source in;
    private final OcsfEvent out;
    private final MapContext ctx;
    private final String base;

    CrowdStrikeEvents(Source in, OcsfEvent out, MapContext ctx, String base) {
        this.in = in;
        this.out = out;
        this.ctx = ctx;
        this.base = base;
    }

    private String t(String name) {
        return base.isEmpty() ? in.text(name) : in.text(base + name, name);
    }

    private String t(String... names) {
        for (String name : names) {
            String value = t(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private JsonNode node(String... names) {
        for (String name : names) {
            for (String path : base.isEmpty() ? new String[]{name} : new String[]{base + name, name}) {
                JsonNode value = in.peek(path);
                if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                    return in.node(path);
                }
            }
        }
        return null;
    }

    /** An Event Streams event by its {@code eventType} (without the SIEM connector's {@code Event_} prefix). */
    void streamEvent(String type, JsonNode creationTime) {
        JsonNode time = node("UTCTimestamp", "timestamp", "StartTimestamp");
        out.time(ctx.time(time != null ? time : creationTime != null ? in.node("metadata.eventCreationTime") : null));
        device();
        switch (type) {
            case "DetectionSummaryEvent", "EppDetectionSummaryEvent" -> detection();
            case "AuthActivityAuditEvent", "UserActivityAuditEvent" -> audit();
            case "RemoteResponseSessionStartEvent", "RemoteResponseSessionEndEvent" -> {
                boolean start = type.contains("Start");
                out.classify(OcsfClass.API_ACTIVITY, 99, start
                        ? "Remote Response Session Start"
                        : "Remote Response Session End");
                out.severity(1);
                out.set("api.operation", type);
                Endpoints.user(out, "actor.user", t("UserName"), null, null);
                out.set("actor.session.uid", t("SessionId"));
                out.set("message", "Real Time Response session " + (start ? "started" : "ended"));
            }
            default -> {
                out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
                out.set("message", type.isEmpty() ? null : "CrowdStrike " + type);
            }
        }
    }

    private void device() {
        out.set("device.hostname", t("ComputerName", "Hostname", "HostnameField"));
        out.set("device.ip", t("LocalIP", "LocalAddressIP4"));
        out.set("device.mac", t("MACAddress"));
        out.set("device.uid", t("SensorId", "AgentIdString", "aid"));
        out.set("device.domain", t("MachineDomain"));
        out.set("device.os.name", t("event_platform"));
        out.set("cloud.account.uid", t("CustomerIdString", "cid"));
    }

    private void detection() {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String title = t("DetectName", "Name");
        out.set("finding_info.title", title);
        out.set("finding_info.desc", t("DetectDescription", "Description"));
        out.set("finding_info.uid", t("DetectId", "CompositeId"));
        out.set("finding_info.analytic.name", title);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        out.set("finding_info.src_url", t("FalconHostLink"));
        CrowdStrikeAlerts.attack(out, t("TacticId"), t("Tactic"), t("TechniqueId"), t("Technique"));
        out.severity(severity(t("SeverityName"), t("Severity")));
        out.set("status_detail", t("PatternDispositionDescription"));
        Endpoints.user(out, "actor.user", t("UserName"), null, null);
        String dir = t("FilePath");
        String name = t("FileName");
        Endpoints.process(out, "process", join(dir, name), null, t("CommandLine"));
        out.set("process.uid", t("ProcessId"));
        Endpoints.hash(out, "process.file", "SHA256", t("SHA256String"));
        Endpoints.hash(out, "process.file", "MD5", t("MD5String"));
        Endpoints.hash(out, "process.file", "SHA1", t("SHA1String"));
        Endpoints.process(out, "process.parent_process", t("ParentImageFileName"), null, t("ParentCommandLine"));
        out.set("process.parent_process.uid", t("ParentProcessId"));
        Endpoints.process(out, "actor.process", t("ParentImageFileName"), null, null);
        out.set("message", title);
    }

    /** A detection's severity: its name, else the number (1-5 on the legacy scale, 0-100 on the current one). */
    static int severity(String name, String number) {
        int byName = Severities.of(name);
        if (byName > 0) {
            return byName;
        }
        Long n = WinEvent.parseNumber(number);
        if (n == null) {
            return 0;
        }
        if (n <= 5) {
            return (int) Math.max(n, 0);
        }
        return n >= 80 ? 5 : n >= 60 ? 4 : n >= 40 ? 3 : n >= 20 ? 2 : 1;
    }

    private static String join(String dir, String name) {
        if (dir == null) {
            return name;
        }
        if (name == null || dir.endsWith(name)) {
            return dir;
        }
        String sep = dir.contains("\\") ? "\\" : "/";
        return dir.endsWith(sep) ? dir + name : dir + sep + name;
    }

    private void audit() {
        String operation = t("OperationName");
        String op = operation == null ? "" : operation.toLowerCase(Locale.ROOT);
        String success = t("Success");
        out.severity(1);
        if (success != null) {
            out.status("true".equalsIgnoreCase(success) ? 1 : 2);
        }
        if (op.contains("authenticat") || op.contains("login") || op.contains("logon")) {
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
            Endpoints.user(out, "user", t("UserId"), null, null);
        } else {
            int activity = op.matches("(create|add|grant|register).*")
                    ? 1
                    : op.matches("(get|list|read|query|view).*")
                            ? 2
                            : op.matches("(update|change|set|reset|modify|enable|disable).*")
                                    ? 3
                                    : op.matches("(delete|remove|revoke).*") ? 4 : 99;
            out.classify(OcsfClass.API_ACTIVITY, activity, switch (activity) {
                case 1 -> "Create";
                case 2 -> "Read";
                case 3 -> "Update";
                case 4 -> "Delete";
                default -> "Other";
            });
            Endpoints.user(out, "actor.user", t("UserId"), null, null);
        }
        out.set("api.operation", operation);
        out.set("api.service.name", t("ServiceName"));
        out.set("src_endpoint.ip", t("UserIp"));
        out.set("message", operation);
    }

    /** A Falcon Data Replicator event by its {@code event_simpleName}. */
    void telemetry(String name) {
        out.time(ctx.time(node("timestamp", "ContextTimeStamp")));
        out.severity(1);
        out.set("metadata.event_code", t("name"));
        out.set("device.hostname", t("ComputerName"));
        out.set("device.ip", t("aip"));
        out.set("device.uid", t("aid"));
        out.set("device.os.name", t("event_platform"));
        out.set("cloud.account.uid", t("cid"));
        out.set("message", "CrowdStrike " + name);
        switch (name) {
            case "ProcessRollup2", "SyntheticProcessRollup2" -> process(1, "Launch");
            case "EndOfProcess", "TerminateProcess" -> process(2, "Terminate");
            case "DnsRequest" -> {
                out.classify(OcsfClass.DNS_ACTIVITY, 1, "Query");
                out.status(1);
                out.set("query.hostname", t("DomainName"));
                out.set("query.type", dnsType(t("RequestType")));
                out.set("actor.process.uid", t("ContextProcessId"));
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
        Endpoints.process(out, "process", t("ImageFileName"), WinEvent.parseNumber(t("RawProcessId")),
                t("CommandLine"));
        out.set("process.uid", t("TargetProcessId"));
        Endpoints.hash(out, "process.file", "SHA256", t("SHA256HashData"));
        Endpoints.hash(out, "process.file", "MD5", t("MD5HashData"));
        Endpoints.hash(out, "process.file", "SHA1", t("SHA1HashData"));
        String parent = t("ParentBaseFileName");
        String parentUid = t("ParentProcessId");
        out.set("process.parent_process.name", parent);
        out.set("process.parent_process.uid", parentUid);
        out.set("actor.process.name", parent);
        out.set("actor.process.uid", parentUid);
        Long source = WinEvent.parseNumber(t("SourceProcessId"));
        if (source != null && source <= Integer.MAX_VALUE) {
            out.set("actor.process.pid", source);
        }
        Endpoints.user(out, "actor.user", t("UserName"), null, t("UserSid"));
        out.set("process.user.uid", out.text("actor.user.uid"));
        out.set("process.user.name", out.text("actor.user.name"));
    }

    private void network(int activity, String name, boolean outbound) {
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, name);
        out.status(1);
        String local = outbound ? "src_endpoint" : "dst_endpoint";
        String remote = outbound ? "dst_endpoint" : "src_endpoint";
        out.set(local + ".ip", t("LocalAddressIP4", "LocalAddressIP6"));
        out.port(local + ".port", t("LocalPort"));
        out.set(remote + ".ip", t("RemoteAddressIP4", "RemoteAddressIP6"));
        out.port(remote + ".port", t("RemotePort"));
        out.set("connection_info.direction_id", outbound ? 2L : 1L);
        out.set("connection_info.direction", outbound ? "Outbound" : "Inbound");
        Long protocol = WinEvent.parseNumber(t("Protocol"));
        if (protocol != null) {
            out.set("connection_info.protocol_num", protocol);
            out.set("connection_info.protocol_name", protocol == 6 ? "tcp" : protocol == 17 ? "udp" : null);
        }
        out.set("actor.process.uid", t("ContextProcessId"));
    }

    private void logon(String name) {
        boolean logoff = name.equals("UserLogoff");
        out.classify(OcsfClass.AUTHENTICATION, logoff ? 2 : 1, logoff ? "Logoff" : "Logon");
        out.status(name.startsWith("UserLogonFailed") ? 2 : 1);
        Endpoints.user(out, "user", t("UserName"), t("LogonDomain"), t("UserSid"));
        Long type = WinEvent.parseNumber(t("LogonType"));
        if (type != null) {
            String caption = WindowsSecurityEvents.logonType(type.intValue());
            out.set("logon_type_id", type == 0 ? 1L : caption.equals("Other") ? 99L : type);
            out.set("logon_type", caption);
        }
        out.set("src_endpoint.ip", t("RemoteAddressIP4", "RemoteAddressIP6"));
        out.set("dst_endpoint.hostname", t("ComputerName"));
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
