package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * Sysinternals Sysmon events (Microsoft-Windows-Sysmon/Operational, event ids 1-29 as documented on the Sysmon page of
 * Microsoft Learn): the acting process ({@code Image}, {@code ProcessId}, {@code ProcessGuid}, {@code User}) is the
 * actor; the created process, the loaded module, the opened or injected process, the file, the registry key or value,
 * the connection and the DNS query are the object of the event's class.
 */
final class SysmonEvents {

    /** The event names Sysmon's manifest gives (its rendered task names). */
    private static final java.util.Map<Integer, String> NAMES = java.util.Map.ofEntries(
            java.util.Map.entry(1, "Process Create"), java.util.Map.entry(2, "File creation time changed"),
            java.util.Map.entry(3, "Network connection detected"), java.util.Map.entry(5, "Process terminated"),
            java.util.Map.entry(6, "Driver loaded"), java.util.Map.entry(7, "Image loaded"),
            java.util.Map.entry(8, "CreateRemoteThread detected"), java.util.Map.entry(9, "RawAccessRead detected"),
            java.util.Map.entry(10, "Process accessed"), java.util.Map.entry(11, "File created"),
            java.util.Map.entry(12, "Registry object added or deleted"), java.util.Map.entry(13, "Registry value set"),
            java.util.Map.entry(14, "Registry object renamed"), java.util.Map.entry(15, "File stream created"),
            java.util.Map.entry(17, "Pipe Created"), java.util.Map.entry(18, "Pipe Connected"),
            java.util.Map.entry(22, "Dns query"), java.util.Map.entry(23, "File Delete archived"),
            java.util.Map.entry(25, "Process Tampering"), java.util.Map.entry(26, "File Delete logged"),
            java.util.Map.entry(27, "File Block Executable"), java.util.Map.entry(28, "File Block Shredding"),
            java.util.Map.entry(29, "File Executable Detected"));

    private final WinEvent e;
    private final OcsfEvent out;

    SysmonEvents(WinEvent e, OcsfEvent out) {
        this.e = e;
        this.out = out;
    }

    void map(int id) {
        out.status(1);
        switch (id) {
            case 1 -> processCreate();
            case 5 -> {
                out.classify(OcsfClass.PROCESS_ACTIVITY, 2, "Terminate");
                process("process", "");
                actor();
            }
            case 3 -> network();
            case 6 -> {
                out.classify(OcsfClass.KERNEL_EXTENSION, 1, "Load");
                Endpoints.file(out, "driver.file", e.data("ImageLoaded"));
                Endpoints.hashes(out, "driver.file", e.data("Hashes"));
            }
            case 7 -> module();
            case 8, 10 -> processAccess(id);
            case 2 -> file(6, "Set Attributes");
            case 9 -> {
                file(2, "Read");
                Endpoints.file(out, "file", e.data("Device"));
            }
            case 11, 29 -> file(1, "Create");
            case 15 -> {
                file(1, "Create");
                Endpoints.hashes(out, "file", e.data("Hash"));
            }
            case 17 -> pipe(1, "Create");
            case 18 -> pipe(14, "Open");
            case 23, 26 -> file(4, "Delete");
            case 27, 28 -> {
                file(id == 27 ? 1 : 4, id == 27 ? "Create" : "Delete");
                out.status(2);
            }
            case 12, 13, 14 -> registry();
            case 22 -> dns();
            case 25 -> {
                out.classify(OcsfClass.PROCESS_ACTIVITY, 99, "Tampering");
                process("process", "");
                actor();
            }
            default -> {
                out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
                out.status(0);
                actor();
            }
        }
        if (out.text("message") == null) {
            String object = first(out.text("process.name"), out.text("module.file.name"), out.text("file.path"),
                    out.text("reg_value.path"), out.text("reg_key.path"), out.text("query.hostname"),
                    out.text("dst_endpoint.ip"), out.text("driver.file.path"));
            String name = NAMES.getOrDefault(id, "Sysmon event " + id);
            out.set("message", object == null ? name : name + ": " + object);
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The acting process ({@code Image}) and user. */
    private void actor() {
        process("actor.process", "");
        user("actor.user", e.data("User"));
    }

    private void process(String prefix, String field) {
        Endpoints.process(out, prefix, e.data(field + "Image"), e.number(field + "ProcessId"),
                field.isEmpty() ? null : e.data(field + "CommandLine"));
        out.set(prefix + ".uid", e.data(field + "ProcessGuid", field + "ProcessGUID"));
    }

    private void user(String prefix, String name) {
        Endpoints.user(out, prefix, name, null, null);
    }

    private void processCreate() {
        out.classify(OcsfClass.PROCESS_ACTIVITY, 1, "Launch");
        Endpoints.process(out, "process", e.data("Image"), e.number("ProcessId"), e.data("CommandLine"));
        out.set("process.uid", e.data("ProcessGuid"));
        Endpoints.hashes(out, "process.file", e.data("Hashes"));
        out.set("process.file.product.name", e.data("Product"));
        out.set("process.file.product.vendor_name", e.data("Company"));
        out.set("process.file.desc", e.data("Description"));
        out.set("process.file.version", e.data("FileVersion"));
        out.set("process.integrity", e.data("IntegrityLevel"));
        out.set("process.session.uid", e.data("LogonId"));
        out.set("process.session.uuid", e.data("LogonGuid"));
        out.set("process.working_directory", e.data("CurrentDirectory"));
        String user = e.data("User");
        user("process.user", user);
        user("actor.user", user);
        String parent = e.data("ParentImage");
        Long parentPid = e.number("ParentProcessId");
        String parentCmd = e.data("ParentCommandLine");
        String parentGuid = e.data("ParentProcessGuid");
        for (String prefix : new String[]{"process.parent_process", "actor.process"}) {
            Endpoints.process(out, prefix, parent, parentPid, parentCmd);
            out.set(prefix + ".uid", parentGuid);
        }
        user("process.parent_process.user", e.data("ParentUser"));
    }

    private void network() {
        out.classify(OcsfClass.NETWORK_ACTIVITY, 1, "Open");
        // Sysmon names the endpoints Source and Destination as it saw them; Initiated says which side this host was
        boolean initiated = !"false".equalsIgnoreCase(e.data("Initiated"));
        out.set("src_endpoint.ip", e.data("SourceIp"));
        out.port("src_endpoint.port", e.data("SourcePort"));
        out.set("src_endpoint.hostname", e.data("SourceHostname"));
        out.set("dst_endpoint.ip", e.data("DestinationIp"));
        out.port("dst_endpoint.port", e.data("DestinationPort"));
        out.set("dst_endpoint.hostname", e.data("DestinationHostname"));
        out.set("connection_info.direction_id", initiated ? 2L : 1L);
        out.set("connection_info.direction", initiated ? "Outbound" : "Inbound");
        String protocol = e.data("Protocol");
        if (protocol != null) {
            out.set("connection_info.protocol_name", protocol.toLowerCase(Locale.ROOT));
            long number = protocol.equalsIgnoreCase("tcp") ? 6 : protocol.equalsIgnoreCase("udp") ? 17 : -1;
            if (number > 0) {
                out.set("connection_info.protocol_num", number);
            }
        }
        out.set("src_endpoint.svc_name", e.data("SourcePortName"));
        out.set("dst_endpoint.svc_name", e.data("DestinationPortName"));
        actor();
    }

    private void module() {
        out.classify(OcsfClass.MODULE_ACTIVITY, 1, "Load");
        Endpoints.file(out, "module.file", e.data("ImageLoaded"));
        Endpoints.hashes(out, "module.file", e.data("Hashes"));
        out.set("module.file.product.name", e.data("Product"));
        out.set("module.file.product.vendor_name", e.data("Company"));
        out.set("module.file.desc", e.data("Description"));
        actor();
    }

    /** 8 CreateRemoteThread (Inject), 10 ProcessAccess (Open): the source process acts on the target. */
    private void processAccess(int id) {
        out.classify(OcsfClass.PROCESS_ACTIVITY, id == 8 ? 4 : 3, id == 8 ? "Inject" : "Open");
        process("actor.process", "Source");
        user("actor.user", e.data("SourceUser"));
        process("process", "Target");
        user("process.user", e.data("TargetUser"));
        Long access = WinEvent.parseNumber(e.data("GrantedAccess"));
        if (access != null) {
            out.set("actual_permissions", access);
        }
        out.set("injection_type", id == 8 ? "Remote Thread" : null);
        if (id == 8) {
            out.set("injection_type_id", 1L);
        }
    }

    private void file(int activity, String name) {
        out.classify(OcsfClass.FILE_ACTIVITY, activity, name);
        Endpoints.file(out, "file", e.data("TargetFilename"));
        Endpoints.hashes(out, "file", e.data("Hashes"));
        actor();
    }

    private void pipe(int activity, String name) {
        out.classify(OcsfClass.FILE_ACTIVITY, activity, name);
        String pipe = e.data("PipeName");
        out.set("file.path", pipe);
        out.set("file.name", Endpoints.baseName(pipe));
        out.set("file.type_id", 6L);
        out.set("file.type", "Named Pipe");
        actor();
    }

    /** 12 create/delete, 13 value set, 14 key rename: keys in Registry Key Activity, values in Registry Value. */
    private void registry() {
        String type = e.data("EventType");
        String object = e.data("TargetObject");
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("value")) {
            int activity = t.contains("delete") ? 4 : t.contains("set") ? 2 : 3;
            out.classify(OcsfClass.REGISTRY_VALUE_ACTIVITY, activity,
                    activity == 4 ? "Delete" : activity == 2 ? "Set" : "Modify");
            out.set("reg_value.path", object);
            out.set("reg_value.name", Endpoints.baseName(object));
            out.set("reg_value.data", e.data("Details"));
        } else {
            int activity = t.contains("rename") ? 5 : t.contains("delete") ? 4 : t.contains("create") ? 1 : 3;
            out.classify(OcsfClass.REGISTRY_KEY_ACTIVITY, activity, switch (activity) {
                case 5 -> "Rename";
                case 4 -> "Delete";
                case 1 -> "Create";
                default -> "Modify";
            });
            String renamed = e.data("NewName");
            if (activity == 5 && renamed != null) {
                out.set("prev_reg_key.path", object);
                out.set("reg_key.path", renamed);
            } else {
                out.set("reg_key.path", object);
            }
        }
        actor();
    }

    private void dns() {
        out.classify(OcsfClass.DNS_ACTIVITY, 1, "Query");
        out.set("query.hostname", e.data("QueryName"));
        Long code = WinEvent.parseNumber(e.data("QueryStatus"));
        if (code != null) {
            // QueryStatus is a Windows status: 0 success, 9003 DNS_ERROR_RCODE_NAME_ERROR
            long rcode = code == 0 ? 0 : code == 9003 ? 3 : 99;
            out.set("rcode_id", rcode);
            out.set("rcode", rcode == 0 ? "NoError" : rcode == 3 ? "NXDomain" : "Other");
        }
        String results = e.data("QueryResults");
        if (results != null) {
            for (String answer : results.split(";")) {
                String a = answer.strip().replaceFirst("^::ffff:", "");
                if (!a.isEmpty()) {
                    out.append("answers").put("rdata", a);
                }
            }
        }
        actor();
    }
}
