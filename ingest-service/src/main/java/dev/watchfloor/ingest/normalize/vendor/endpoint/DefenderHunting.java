package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Defender XDR Advanced Hunting rows (Microsoft Learn, "Advanced hunting schema tables"): DeviceProcessEvents,
 * DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents, DeviceLogonEvents, DeviceImageLoadEvents, DeviceEvents,
 * AlertInfo and AlertEvidence, by table when the streaming API names it, else by {@code ActionType} and the columns
 * present. {@code InitiatingProcess*} is the actor; {@code DeviceName} the device.
 */
final class DefenderHunting {

    private static final Pattern TECHNIQUE = Pattern.compile("\\b(T\\d{4}(?:\\.\\d{3})?)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Source in;
    private final OcsfEvent out;
    private final MapContext ctx;
    private final String p;

    DefenderHunting(Source in, OcsfEvent out, MapContext ctx, String prefix) {
        this.in = in;
        this.out = out;
        this.ctx = ctx;
        this.p = prefix;
    }

    /** A raw Advanced Hunting row: a Timestamp with device columns and an ActionType, or an alert row. */
    static boolean looksLikeRow(Source in, String p) {
        if (in.peekText(p + "Timestamp") == null) {
            return false;
        }
        boolean device = in.peekText(p + "DeviceName") != null && in.peekText(p + "ActionType") != null
                && (in.peek(p + "DeviceId") != null || in.peek(p + "ReportId") != null);
        boolean alert = in.peekText(p + "AlertId") != null && in.peekText(p + "Title") != null
                && (in.peek(p + "DetectionSource") != null || in.peek(p + "ServiceSource") != null);
        return device || alert;
    }

    private String t(String... names) {
        for (String name : names) {
            String value = in.text(p + name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    void map(String table) {
        JsonNode time = in.peek(p + "Timestamp");
        out.time(ctx.time(time != null && time.isValueNode() ? in.node(p + "Timestamp") : in.node("time")));
        out.severity(1);
        out.set("device.hostname", t("DeviceName"));
        out.set("device.uid", t("DeviceId"));
        out.set("metadata.uid", t("ReportId"));
        String action = t("ActionType");
        out.set("metadata.event_code", action);
        out.set("message", action);
        String a = action == null ? "" : action;
        String tb = table == null ? guess(a) : table;
        out.set("metadata.log_name", tb);
        switch (tb) {
            case "AlertInfo", "AlertEvidence" -> alert();
            case "DeviceProcessEvents" -> process(1, "Launch");
            case "DeviceNetworkEvents" -> network(a);
            case "DeviceFileEvents" -> file(a);
            case "DeviceRegistryEvents" -> registry(a);
            case "DeviceLogonEvents" -> logon(a);
            case "DeviceImageLoadEvents" -> {
                out.classify(OcsfClass.MODULE_ACTIVITY, 1, "Load");
                Endpoints.file(out, "module.file", DefenderAlerts.join(t("FolderPath"), t("FileName")));
                hashes("module.file");
                actor();
            }
            default -> deviceEvent(a);
        }
        if (out.ocsfClass() != OcsfClass.DETECTION_FINDING && out.text("status_id") == null) {
            out.status(1);
        }
    }

    /** The table of a raw row, from its ActionType (documented per table) or its columns. */
    private String guess(String action) {
        if (in.peekText(p + "AlertId") != null) {
            return in.peek(p + "EntityType") != null ? "AlertEvidence" : "AlertInfo";
        }
        if (action.equals("ProcessCreated")) {
            return "DeviceProcessEvents";
        }
        if (action.startsWith("Connection") || action.startsWith("InboundConnection")
                || action.startsWith("ListeningConnection")) {
            return "DeviceNetworkEvents";
        }
        if (action.startsWith("File") && !action.equals("FileTimestampModificationEvent")) {
            return "DeviceFileEvents";
        }
        if (action.startsWith("Registry")) {
            return "DeviceRegistryEvents";
        }
        if (action.startsWith("Logon")) {
            return "DeviceLogonEvents";
        }
        if (action.equals("ImageLoaded")) {
            return "DeviceImageLoadEvents";
        }
        return "DeviceEvents";
    }

    private void actor() {
        Endpoints.process(out, "actor.process", DefenderAlerts.join(t("InitiatingProcessFolderPath"),
                t("InitiatingProcessFileName")), WinEvent.parseNumber(t("InitiatingProcessId")),
                t("InitiatingProcessCommandLine"));
        Endpoints.hash(out, "actor.process.file", "SHA256", t("InitiatingProcessSHA256"));
        Endpoints.hash(out, "actor.process.file", "SHA1", t("InitiatingProcessSHA1"));
        Endpoints.hash(out, "actor.process.file", "MD5", t("InitiatingProcessMD5"));
        Endpoints.user(out, "actor.user", t("InitiatingProcessAccountName"), t("InitiatingProcessAccountDomain"),
                t("InitiatingProcessAccountSid"));
        out.set("actor.user.email_addr", t("InitiatingProcessAccountUpn"));
    }

    private void hashes(String prefix) {
        Endpoints.hash(out, prefix, "SHA256", t("SHA256"));
        Endpoints.hash(out, prefix, "SHA1", t("SHA1"));
        Endpoints.hash(out, prefix, "MD5", t("MD5"));
    }

    private void process(int activity, String name) {
        out.classify(OcsfClass.PROCESS_ACTIVITY, activity, name);
        Endpoints.process(out, "process", DefenderAlerts.join(t("FolderPath"), t("FileName")),
                WinEvent.parseNumber(t("ProcessId")), t("ProcessCommandLine"));
        hashes("process.file");
        Endpoints.user(out, "process.user", t("AccountName"), t("AccountDomain"), t("AccountSid"));
        actor();
        Endpoints.process(out, "process.parent_process", out.text("actor.process.file.path"),
                WinEvent.parseNumber(out.text("actor.process.pid")), out.text("actor.process.cmd_line"));
    }

    private void network(String action) {
        boolean inbound = action.startsWith("Inbound") || action.startsWith("Listening");
        int activity = action.startsWith("Listening") ? 7 : action.equals("ConnectionFailed") ? 4 : 1;
        out.classify(OcsfClass.NETWORK_ACTIVITY, activity, activity == 7
                ? "Listen"
                : activity == 4
                        ? "Fail"
                        : "Open");
        if (action.equals("ConnectionFailed")) {
            out.status(2);
        }
        String local = inbound ? "dst_endpoint" : "src_endpoint";
        String remote = inbound ? "src_endpoint" : "dst_endpoint";
        out.set(local + ".ip", t("LocalIP"));
        out.port(local + ".port", t("LocalPort"));
        out.set(remote + ".ip", t("RemoteIP"));
        out.port(remote + ".port", t("RemotePort"));
        out.set("dst_endpoint.hostname", inbound ? null : host(t("RemoteUrl")));
        String protocol = t("Protocol");
        if (protocol != null) {
            out.set("connection_info.protocol_name", protocol.toLowerCase(Locale.ROOT).replaceFirst("v[46]$", ""));
        }
        out.set("connection_info.direction_id", inbound ? 1L : 2L);
        out.set("connection_info.direction", inbound ? "Inbound" : "Outbound");
        actor();
    }

    private void file(String action) {
        int activity = switch (action) {
            case "FileCreated" -> 1;
            case "FileModified" -> 3;
            case "FileDeleted" -> 4;
            case "FileRenamed" -> 5;
            default -> 99;
        };
        out.classify(OcsfClass.FILE_ACTIVITY, activity, switch (activity) {
            case 1 -> "Create";
            case 3 -> "Update";
            case 4 -> "Delete";
            case 5 -> "Rename";
            default -> "Other";
        });
        Endpoints.file(out, "file", DefenderAlerts.join(t("FolderPath"), t("FileName")));
        hashes("file");
        out.set("file.size", WinEvent.parseNumber(t("FileSize")));
        Endpoints.file(out, "file_result", DefenderAlerts.join(t("PreviousFolderPath"), t("PreviousFileName")));
        actor();
    }

    private void registry(String action) {
        boolean value = action.contains("Value");
        if (value) {
            int activity = action.endsWith("Deleted") ? 4 : 2;
            out.classify(OcsfClass.REGISTRY_VALUE_ACTIVITY, activity, activity == 4 ? "Delete" : "Set");
            out.set("reg_value.path", t("RegistryKey"));
            out.set("reg_value.name", t("RegistryValueName"));
            out.set("reg_value.data", t("RegistryValueData"));
        } else {
            int activity = action.endsWith("Created")
                    ? 1
                    : action.endsWith("Deleted")
                            ? 4
                            : action.endsWith("Renamed") ? 5 : 3;
            out.classify(OcsfClass.REGISTRY_KEY_ACTIVITY, activity, switch (activity) {
                case 1 -> "Create";
                case 4 -> "Delete";
                case 5 -> "Rename";
                default -> "Modify";
            });
            out.set("reg_key.path", t("RegistryKey"));
        }
        actor();
    }

    private void logon(String action) {
        out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        out.status(action.equals("LogonSuccess") ? 1 : action.equals("LogonFailed") ? 2 : 99);
        Endpoints.user(out, "user", t("AccountName"), t("AccountDomain"), t("AccountSid"));
        String type = t("LogonType");
        if (type != null) {
            out.set("logon_type", type);
        }
        out.set("src_endpoint.ip", t("RemoteIP", "IPAddress"));
        out.port("src_endpoint.port", t("RemotePort", "Port"));
        out.set("src_endpoint.hostname", t("RemoteDeviceName"));
        out.set("user.email_addr", t("AccountUpn"));
        out.set("dst_endpoint.hostname", out.text("device.hostname"));
        out.set("status_detail", t("FailureReason"));
        String protocol = t("Protocol");
        if (protocol != null) {
            String pr = protocol.toLowerCase(Locale.ROOT);
            long id = pr.contains("ntlm") ? 1 : pr.contains("kerberos") ? 2 : 99;
            out.set("auth_protocol_id", id);
            out.set("auth_protocol", protocol);
        }
        actor();
    }

    /** DeviceEvents: a few documented ActionTypes have their own class; the rest are Process Activity Other. */
    private void deviceEvent(String action) {
        switch (action) {
            case "OpenProcessApiCall" -> process(3, "Open");
            case "CreateRemoteThreadApiCall", "QueueUserApcRemoteApiCall" -> process(4, "Inject");
            case "AntivirusDetection", "SmartScreenAppWarning", "ExploitGuardNetworkProtectionBlocked" -> {
                out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
                out.severity(3);
                out.set("finding_info.title", action);
                out.set("finding_info.uid", t("ReportId"));
                Endpoints.file(out, "file", DefenderAlerts.join(t("FolderPath"), t("FileName")));
                hashes("file");
                actor();
            }
            case "ScheduledTaskCreated", "ScheduledTaskDeleted", "ScheduledTaskUpdated" -> {
                int activity = action.endsWith("Created") ? 1 : action.endsWith("Deleted") ? 3 : 2;
                out.classify(OcsfClass.SCHEDULED_JOB_ACTIVITY, activity, activity == 1
                        ? "Create"
                        : activity == 3 ? "Delete" : "Update");
                actor();
            }
            case "DnsQueryResponse" -> {
                out.classify(OcsfClass.DNS_ACTIVITY, 2, "Response");
                actor();
            }
            default -> process(99, "Other");
        }
    }

    /** AlertInfo / AlertEvidence rows: Detection Findings; evidence rows add their entity. */
    private void alert() {
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        String title = t("Title");
        out.set("finding_info.title", title);
        out.set("finding_info.uid", t("AlertId"));
        out.set("finding_info.analytic.name", t("DetectionSource"));
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        out.set("metadata.product.feature.name", t("ServiceSource"));
        String category = t("Category", "Categories");
        if (category != null) {
            out.node().with("finding_info").putArray("types").add(category.replaceAll("[\\[\\]\"]", ""));
        }
        out.severity(Severities.of(t("Severity")));
        String techniques = t("AttackTechniques");
        if (techniques != null) {
            Matcher m = TECHNIQUE.matcher(techniques);
            int n = 0;
            while (m.find() && n++ < 50) {
                CrowdStrikeAlerts.attack(out, null, null, m.group(1), null);
            }
        }
        Endpoints.user(out, "actor.user", t("AccountName"), t("AccountDomain"), t("AccountSid"));
        out.set("actor.user.email_addr", t("AccountUpn"));
        out.set("src_endpoint.ip", t("RemoteIP"));
        Endpoints.file(out, "file", DefenderAlerts.join(t("FolderPath"), t("FileName")));
        hashes("file");
        out.set("process.cmd_line", t("ProcessCommandLine"));
        if (!out.has("device.hostname")) {
            JsonNode extra = parse(in.peekText(p + "AdditionalFields"));
            if (extra != null && extra.path("HostName").isTextual()) {
                out.set("device.hostname", extra.path("HostName").asText());
            }
        }
        out.set("message", title);
    }

    private static JsonNode parse(String text) {
        if (text == null || !text.startsWith("{") || text.length() > 65_536) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        String u = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return u.split("[/?#:]", 2)[0].isEmpty() ? null : u.split("[/?#:]", 2)[0];
    }
}
