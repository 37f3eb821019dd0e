package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.List;
import java.util.Map;

/**
 * Where a Security event's data item appears in the rendered message ({@code Section.Label}, as Event Viewer and Splunk
 * write it, English rendering), by its {@code <Data Name>}. The candidates are tried in order; the first present wins
 * (so {@code ProcessId} is the creator's in a 4688 and the process's own in a 4689).
 */
final class WinLabels {

    private static final List<String> SUBJECT = List.of("Subject", "Creator Subject");
    private static final List<String> TARGET = List.of("New Logon", "Target Subject", "Account For Which Logon Failed",
            "Target Account", "Account Whose Credentials Were Used", "New Account", "Account That Was Locked Out",
            "Account That Was Unlocked");

    private static final Map<String, List<String>> PATHS = Map.ofEntries(
            Map.entry("SubjectUserSid", in(SUBJECT, "Security ID")),
            Map.entry("SubjectUserName", in(SUBJECT, "Account Name")),
            Map.entry("SubjectDomainName", in(SUBJECT, "Account Domain")),
            Map.entry("SubjectLogonId", in(SUBJECT, "Logon ID")),
            Map.entry("TargetUserSid", in(TARGET, "Security ID")),
            Map.entry("TargetSid", in(TARGET, "Security ID")),
            Map.entry("TargetUserName", concat(in(TARGET, "Account Name"), List.of("Group.Group Name"))),
            Map.entry("TargetDomainName", concat(in(TARGET, "Account Domain"), List.of("Group.Group Domain"))),
            Map.entry("TargetLogonId", in(TARGET, "Logon ID")),
            Map.entry("TargetLogonGuid", in(TARGET, "Logon GUID")),
            Map.entry("LogonType", List.of("Logon Information.Logon Type", "Logon Type")),
            Map.entry("IpAddress", List.of("Network Information.Source Network Address",
                    "Network Information.Network Address")),
            Map.entry("IpPort", List.of("Network Information.Source Port", "Network Information.Port")),
            Map.entry("WorkstationName", List.of("Network Information.Workstation Name")),
            Map.entry("LogonProcessName", List.of("Detailed Authentication Information.Logon Process")),
            Map.entry("AuthenticationPackageName",
                    List.of("Detailed Authentication Information.Authentication Package")),
            Map.entry("ProcessName", List.of("Process Information.Process Name")),
            Map.entry("ProcessId", List.of("Process Information.Creator Process ID", "Process Information.Process ID")),
            Map.entry("NewProcessName", List.of("Process Information.New Process Name")),
            Map.entry("NewProcessId", List.of("Process Information.New Process ID")),
            Map.entry("CommandLine", List.of("Process Information.Process Command Line")),
            Map.entry("ParentProcessName", List.of("Process Information.Creator Process Name")),
            Map.entry("ExitStatus", List.of("Process Information.Exit Status")),
            Map.entry("ObjectServer", List.of("Object.Object Server")),
            Map.entry("ObjectType", List.of("Object.Object Type")),
            Map.entry("ObjectName", List.of("Object.Object Name")),
            Map.entry("HandleId", List.of("Object.Handle ID")),
            Map.entry("AccessList", List.of("Access Request Information.Accesses")),
            Map.entry("AccessMask", List.of("Access Request Information.Access Mask")),
            Map.entry("FailureReason", List.of("Failure Information.Failure Reason")),
            Map.entry("Status", List.of("Failure Information.Status")),
            Map.entry("SubStatus", List.of("Failure Information.Sub Status")),
            Map.entry("TargetServerName", List.of("Target Server.Target Server Name")),
            Map.entry("MemberName", List.of("Member.Account Name")),
            Map.entry("MemberSid", List.of("Member.Security ID")),
            Map.entry("TaskName", List.of("Task Information.Task Name")),
            Map.entry("TaskContent", List.of("Task Information.Task Content")),
            Map.entry("PrivilegeList", List.of("Privileges")));

    /**
     * A field of Splunk's Windows add-on (search-time extractions of the rendered message, spaces as underscores);
     * {@code target}: the target's value, the second of a repeated label.
     */
    record Splunk(String name, boolean target) {
    }

    private static final Map<String, Splunk> SPLUNK = Map.ofEntries(
            Map.entry("SubjectUserName", new Splunk("Account_Name", false)),
            Map.entry("SubjectDomainName", new Splunk("Account_Domain", false)),
            Map.entry("SubjectUserSid", new Splunk("Security_ID", false)),
            Map.entry("SubjectLogonId", new Splunk("Logon_ID", false)),
            Map.entry("TargetUserName", new Splunk("Account_Name", true)),
            Map.entry("TargetDomainName", new Splunk("Account_Domain", true)),
            Map.entry("TargetUserSid", new Splunk("Security_ID", true)),
            Map.entry("TargetLogonId", new Splunk("Logon_ID", true)),
            Map.entry("LogonType", new Splunk("Logon_Type", false)),
            Map.entry("IpAddress", new Splunk("Source_Network_Address", false)),
            Map.entry("IpPort", new Splunk("Source_Port", false)),
            Map.entry("WorkstationName", new Splunk("Workstation_Name", false)),
            Map.entry("LogonProcessName", new Splunk("Logon_Process", false)),
            Map.entry("AuthenticationPackageName", new Splunk("Authentication_Package", false)),
            Map.entry("ProcessName", new Splunk("Process_Name", false)),
            Map.entry("NewProcessName", new Splunk("New_Process_Name", false)),
            Map.entry("NewProcessId", new Splunk("New_Process_ID", false)),
            Map.entry("ProcessId", new Splunk("Creator_Process_ID", false)),
            Map.entry("ParentProcessName", new Splunk("Creator_Process_Name", false)),
            Map.entry("CommandLine", new Splunk("Process_Command_Line", false)),
            Map.entry("ExitStatus", new Splunk("Exit_Status", false)),
            Map.entry("ObjectName", new Splunk("Object_Name", false)),
            Map.entry("ObjectType", new Splunk("Object_Type", false)),
            Map.entry("AccessList", new Splunk("Accesses", false)),
            Map.entry("AccessMask", new Splunk("Access_Mask", false)),
            Map.entry("FailureReason", new Splunk("Failure_Reason", false)),
            Map.entry("SubStatus", new Splunk("Sub_Status", false)),
            Map.entry("TargetServerName", new Splunk("Target_Server_Name", false)),
            Map.entry("MemberName", new Splunk("Member_Account_Name", false)),
            Map.entry("TaskName", new Splunk("Task_Name", false)));

    private WinLabels() {
    }

    static List<String> paths(String name) {
        return PATHS.getOrDefault(name, List.of());
    }

    /** The Splunk add-on field of a data name, or null. */
    static Splunk splunk(String name) {
        return SPLUNK.get(name);
    }

    private static List<String> in(List<String> sections, String label) {
        return sections.stream().map(s -> s + "." + label).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
