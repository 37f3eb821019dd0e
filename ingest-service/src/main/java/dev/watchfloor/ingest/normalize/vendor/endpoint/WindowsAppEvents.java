package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * Windows application logs beside Security and Sysmon: PowerShell (Microsoft-Windows-PowerShell/Operational 4103 module
 * logging, 4104 script block logging; the classic "Windows PowerShell" log 400/403/800), Microsoft Defender Antivirus
 * (Microsoft-Windows-Windows Defender/Operational, "Microsoft Defender Antivirus event IDs": 1006-1008, 1015,
 * 1116-1119) and the Task Scheduler operational log (106, 140, 141, 142, 100, 129, 200, 102, 201).
 */
final class WindowsAppEvents {

    private WindowsAppEvents() {
    }

    /**
     * PowerShell as Process Activity: the host process is the actor ({@code Host Application}), the pipeline or script
     * block the process's command line. The events record an invocation, not its outcome: status Other.
     */
    static void powershell(WinEvent e, OcsfEvent out, int id) {
        out.status(99);
        Map<String, String> context = keyValues(e.data("ContextInfo"), " = ");
        Map<String, String> classic = keyValues(e.data("Data_2", "Data_1", "Data"), "=");
        switch (id) {
            case 4103 -> out.classify(OcsfClass.PROCESS_ACTIVITY, 1, "Launch");
            case 4104, 4105, 4106 -> out.classify(OcsfClass.PROCESS_ACTIVITY, 99, "Script Block");
            case 400, 600 -> out.classify(OcsfClass.PROCESS_ACTIVITY, 1, "Launch");
            case 403 -> out.classify(OcsfClass.PROCESS_ACTIVITY, 2, "Terminate");
            case 800 -> out.classify(OcsfClass.PROCESS_ACTIVITY, 99, "Pipeline Execution");
            default -> out.classify(OcsfClass.PROCESS_ACTIVITY, 99, "Other");
        }
        String host = first(context.get("Host Application"), classic.get("HostApplication"));
        Endpoints.process(out, "actor.process", null, WinEvent.parseNumber(e.in().peekText(
                "Event.System.Execution.#attributes.ProcessID")), host);
        String user = first(context.get("User"), classic.get("UserId"));
        Endpoints.user(out, "actor.user", user, null, e.securityUserId());
        String script = first(e.data("Payload"), e.data("ScriptBlockText"), classic.get("CommandLine"));
        out.set("process.cmd_line", script);
        String path = first(context.get("Script Name"), e.data("Path"), classic.get("ScriptName"));
        if (path != null) {
            Endpoints.file(out, "process.file", path);
        }
        out.set("process.uid", e.data("ScriptBlockId"));
        String command = first(context.get("Command Name"), classic.get("CommandName"));
        if (command != null) {
            out.node().with("process").putArray("loaded_modules").add(command);
        }
        // the rendered message of 4103/4104 is the payload itself: the title names the event instead
        out.node().put("message", id == 4104
                ? "PowerShell script block logged"
                : command != null ? "PowerShell command invoked: " + command : "PowerShell pipeline execution");
    }

    /** Defender detections (Detection Finding) and the actions taken on them (Update). */
    static void defender(WinEvent e, OcsfEvent out, int id) {
        switch (id) {
            case 1006, 1015, 1116 -> out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
            case 1007, 1008, 1117, 1118, 1119 -> out.classify(OcsfClass.DETECTION_FINDING, 2, "Update");
            default -> {
                out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
                return;
            }
        }
        if (id == 1008 || id == 1118 || id == 1119) {
            out.status(2);
        }
        String threat = e.data("Threat Name");
        out.set("finding_info.title", threat);
        out.set("finding_info.uid", e.data("Detection ID"));
        out.set("finding_info.analytic.name", threat);
        out.set("finding_info.analytic.uid", e.data("Threat ID"));
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        out.set("finding_info.src_url", e.data("FWLink"));
        String category = e.data("Category Name");
        if (category != null) {
            out.node().with("finding_info").putArray("types").add(category);
        }
        String severityId = e.data("Severity ID");
        int severity = switch (severityId == null ? "" : severityId) {
            case "1" -> 2;
            case "2" -> 3;
            case "4" -> 4;
            case "5" -> 5;
            default -> 0;
        };
        if (severity == 0) {
            String word = e.data("Severity Name");
            String name = word == null ? "" : word.toLowerCase(Locale.ROOT);
            severity = name.equals("severe")
                    ? 5
                    : name.equals("high")
                            ? 4
                            : name.equals("moderate")
                                    ? 3
                                    : name.equals("low") ? 2 : 0;
        }
        if (severity > 0) {
            out.severity(severity);
        }
        String path = e.data("Path");
        if (path != null) {
            String first = path.split(";")[0].replaceFirst("^[a-zA-Z]+:_", "");
            Endpoints.file(out, "file", first);
        }
        Endpoints.process(out, "process", e.data("Process Name"), null, null);
        Endpoints.user(out, "actor.user", e.data("Detection User"), null, null);
        out.set("status_detail", e.data("Action Name"));
        out.set("message", threat == null ? null : "Microsoft Defender Antivirus detected " + threat);
    }

    /** Task Scheduler operational events as Scheduled Job Activity. */
    static void taskScheduler(WinEvent e, OcsfEvent out, int id) {
        int activity = switch (id) {
            case 106 -> 1;
            case 140 -> 2;
            case 141 -> 3;
            case 142 -> 5;
            case 100, 129, 200 -> 6;
            default -> 99;
        };
        out.classify(OcsfClass.SCHEDULED_JOB_ACTIVITY, activity, switch (activity) {
            case 1 -> "Create";
            case 2 -> "Update";
            case 3 -> "Delete";
            case 5 -> "Disable";
            case 6 -> "Start";
            default -> "Other";
        });
        out.status(id == 101 || id == 103 || id == 203 ? 2 : 1);
        out.set("job.name", e.data("TaskName"));
        String action = e.data("ActionName", "Path");
        if (action != null) {
            Endpoints.file(out, "job.file", action);
        }
        Endpoints.user(out, "actor.user", e.data("UserName", "UserContext"), null, e.securityUserId());
        if (out.text("message") == null) {
            out.set("message", "Task Scheduler event " + id);
        }
    }

    /** {@code Key<sep>Value} lines (PowerShell's ContextInfo and classic event details). */
    static Map<String, String> keyValues(String text, String separator) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\r?\n")) {
            int at = line.indexOf(separator.strip());
            if (at > 0) {
                String key = line.substring(0, at).strip();
                String value = line.substring(at + 1).strip();
                if (!key.isEmpty() && !value.isEmpty()) {
                    values.putIfAbsent(key, value);
                }
            }
        }
        return values;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
