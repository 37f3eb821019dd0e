package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * CrowdStrike Falcon Event Streams events (Falcon "Streaming API event dictionary": DetectionSummaryEvent,
 * EppDetectionSummaryEvent, AuthActivityAuditEvent, UserActivityAuditEvent, RemoteResponseSession*), also in the SIEM
 * connector's flat form. Fields are read under {@code base} (the record itself, or {@code event.}), falling back to the
 * top level.
 */
final class CrowdStrikeEvents {

    private final Source in;
    private final OcsfEvent out;
    private final MapContext ctx;
    private final CrowdStrikeFields f;

    CrowdStrikeEvents(Source in, OcsfEvent out, MapContext ctx, String base) {
        this.in = in;
        this.out = out;
        this.ctx = ctx;
        this.f = new CrowdStrikeFields(in, base);
    }

    /** An Event Streams event by its {@code eventType} (without the SIEM connector's {@code Event_} prefix). */
    void streamEvent(String type, JsonNode creationTime) {
        JsonNode time = f.node("UTCTimestamp", "timestamp", "StartTimestamp");
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
                Endpoints.user(out, "actor.user", f.t("UserName"), null, null);
                out.set("actor.session.uid", f.t("SessionId"));
                out.set("message", "Real Time Response session " + (start ? "started" : "ended"));
            }
            default -> {
                out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
                out.set("message", type.isEmpty() ? null : "CrowdStrike " + type);
            }
        }
    }

    private void device() {
        out.set("device.hostname", f.t("ComputerName", "Hostname", "HostnameField"));
        out.set("device.ip", f.t("LocalIP", "LocalAddressIP4"));
        out.set("device.mac", f.t("MACAddress"));
        out.set("device.uid", f.t("SensorId", "AgentIdString", "aid"));
        out.set("device.domain", f.t("MachineDomain"));
        out.set("device.os.name", f.t("event_platform"));
        out.set("cloud.account.uid", f.t("CustomerIdString", "cid"));
    }

    private void detection() {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String title = f.t("DetectName", "Name");
        out.set("finding_info.title", title);
        out.set("finding_info.desc", f.t("DetectDescription", "Description"));
        out.set("finding_info.uid", f.t("DetectId", "CompositeId"));
        out.set("finding_info.analytic.name", title);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        out.set("finding_info.src_url", f.t("FalconHostLink"));
        CrowdStrikeAlerts.attack(out, f.t("TacticId"), f.t("Tactic"), f.t("TechniqueId"), f.t("Technique"));
        out.severity(severity(f.t("SeverityName"), f.t("Severity")));
        out.set("status_detail", f.t("PatternDispositionDescription"));
        Endpoints.user(out, "actor.user", f.t("UserName"), null, null);
        String dir = f.t("FilePath");
        String name = f.t("FileName");
        Endpoints.process(out, "process", join(dir, name), null, f.t("CommandLine"));
        out.set("process.uid", f.t("ProcessId"));
        Endpoints.hash(out, "process.file", "SHA256", f.t("SHA256String"));
        Endpoints.hash(out, "process.file", "MD5", f.t("MD5String"));
        Endpoints.hash(out, "process.file", "SHA1", f.t("SHA1String"));
        Endpoints.process(out, "process.parent_process", f.t("ParentImageFileName"), null, f.t("ParentCommandLine"));
        out.set("process.parent_process.uid", f.t("ParentProcessId"));
        Endpoints.process(out, "actor.process", f.t("ParentImageFileName"), null, null);
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
        String operation = f.t("OperationName");
        String op = operation == null ? "" : operation.toLowerCase(Locale.ROOT);
        String success = f.t("Success");
        out.severity(1);
        if (success != null) {
            out.status("true".equalsIgnoreCase(success) ? 1 : 2);
        }
        if (op.contains("authenticat") || op.contains("login") || op.contains("logon")) {
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
            Endpoints.user(out, "user", f.t("UserId"), null, null);
        } else {
            int activity = op.transform(Regexes.matches("(create|add|grant|register).*"))
                    ? 1
                    : op.transform(Regexes.matches("(get|list|read|query|view).*"))
                            ? 2
                            : op.transform(Regexes.matches("(update|change|set|reset|modify|enable|disable).*"))
                                    ? 3
                                    : op.transform(Regexes.matches("(delete|remove|revoke).*")) ? 4 : 99;
            out.classify(OcsfClass.API_ACTIVITY, activity, switch (activity) {
                case 1 -> "Create";
                case 2 -> "Read";
                case 3 -> "Update";
                case 4 -> "Delete";
                default -> "Other";
            });
            Endpoints.user(out, "actor.user", f.t("UserId"), null, null);
        }
        out.set("api.operation", operation);
        out.set("api.service.name", f.t("ServiceName"));
        out.set("src_endpoint.ip", f.t("UserIp"));
        out.set("message", operation);
    }

}
