package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The Windows Security log's audit events (Microsoft Learn, "Windows security audit events" reference), by event id:
 * logon and logoff (4624, 4625, 4634, 4647, 4648, 4672, Kerberos and NTLM 4768-4776), process creation and exit (4688,
 * 4689), object access (4656, 4658, 4660, 4663), account and group management (4720-4767, 4727-4758), scheduled tasks
 * (4698-4702) and the audit log itself (1100, 1102, 104). The subject ({@code Subject*}) is the actor; the target
 * ({@code Target*}) the user acted on or authenticated.
 */
final class WindowsSecurityEvents {

    private static final Pattern COMMAND = Pattern.compile("<Command>([^<]*)</Command>(?:\\s*<Arguments>([^<]*))?");

    /** The first line of each event's message (English rendering), for renderings that carry no message. */
    private static final java.util.Map<Integer, String> TITLES = java.util.Map.ofEntries(
            java.util.Map.entry(4624, "An account was successfully logged on."),
            java.util.Map.entry(4625, "An account failed to log on."),
            java.util.Map.entry(4634, "An account was logged off."),
            java.util.Map.entry(4647, "User initiated logoff."),
            java.util.Map.entry(4648, "A logon was attempted using explicit credentials."),
            java.util.Map.entry(4672, "Special privileges assigned to new logon."),
            java.util.Map.entry(4688, "A new process has been created."),
            java.util.Map.entry(4689, "A process has exited."),
            java.util.Map.entry(4656, "A handle to an object was requested."),
            java.util.Map.entry(4660, "An object was deleted."),
            java.util.Map.entry(4663, "An attempt was made to access an object."),
            java.util.Map.entry(4698, "A scheduled task was created."),
            java.util.Map.entry(4699, "A scheduled task was deleted."),
            java.util.Map.entry(4702, "A scheduled task was updated."),
            java.util.Map.entry(4720, "A user account was created."),
            java.util.Map.entry(4722, "A user account was enabled."),
            java.util.Map.entry(4723, "An attempt was made to change an account's password."),
            java.util.Map.entry(4724, "An attempt was made to reset an account's password."),
            java.util.Map.entry(4725, "A user account was disabled."),
            java.util.Map.entry(4726, "A user account was deleted."),
            java.util.Map.entry(4728, "A member was added to a security-enabled global group."),
            java.util.Map.entry(4729, "A member was removed from a security-enabled global group."),
            java.util.Map.entry(4732, "A member was added to a security-enabled local group."),
            java.util.Map.entry(4733, "A member was removed from a security-enabled local group."),
            java.util.Map.entry(4738, "A user account was changed."),
            java.util.Map.entry(4740, "A user account was locked out."),
            java.util.Map.entry(4756, "A member was added to a security-enabled universal group."),
            java.util.Map.entry(4757, "A member was removed from a security-enabled universal group."),
            java.util.Map.entry(4767, "A user account was unlocked."),
            java.util.Map.entry(4768, "A Kerberos authentication ticket (TGT) was requested."),
            java.util.Map.entry(4769, "A Kerberos service ticket was requested."),
            java.util.Map.entry(4776, "The computer attempted to validate the credentials for an account."),
            java.util.Map.entry(1102, "The audit log was cleared."),
            java.util.Map.entry(104, "The log file was cleared."));

    private final WinEvent e;
    private final OcsfEvent out;
    private final boolean failure;

    WindowsSecurityEvents(WinEvent e, OcsfEvent out, boolean failure) {
        this.e = e;
        this.out = out;
        this.failure = failure;
    }

    void map(int id) {
        switch (id) {
            case 4624, 4625, 4648, 4776 -> logon(id);
            case 4768, 4769, 4770, 4771 -> kerberos(id);
            case 4634, 4647 -> logoff();
            case 4672 -> privileges();
            case 4688 -> processCreated();
            case 4689 -> processExited();
            case 4656, 4658, 4660, 4663 -> objectAccess(id);
            case 4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4767, 4781 -> accountChange(id);
            case 4727, 4728, 4729, 4730, 4731, 4732, 4733, 4734, 4735, 4737, 4754, 4755, 4756, 4757, 4758 -> group(
                    id);
            case 4698, 4699, 4700, 4701, 4702 -> scheduledTask(id);
            case 1100, 1102, 104 -> eventLog(id);
            default -> out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
        if (out.text("message") == null) {
            out.set("message", TITLES.get(id));
        }
    }

    private void subject() {
        Endpoints.user(out, "actor.user", e.data("SubjectUserName"), e.data("SubjectDomainName"),
                sid(e.data("SubjectUserSid")));
        out.set("actor.session.uid", e.data("SubjectLogonId"));
    }

    private void target(String prefix) {
        Endpoints.user(out, prefix, e.data("TargetUserName"), e.data("TargetDomainName"),
                sid(e.data("TargetUserSid", "TargetSid")));
    }

    private static String sid(String sid) {
        return sid == null || sid.equals("S-1-0-0") || sid.equalsIgnoreCase("NULL SID") ? null : sid;
    }

    private void logon(int id) {
        out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        out.status(id == 4625 || failure ? 2 : 1);
        subject();
        target("user");
        if (id == 4776) {
            Endpoints.user(out, "user", e.data("TargetUserName"), null, null);
            out.set("src_endpoint.hostname", e.data("Workstation"));
            out.set("auth_protocol_id", 1L);
            out.set("auth_protocol", "NTLM");
            String status = e.data("Status");
            out.set("status_code", status);
            if (status != null && !status.equals("0x0")) {
                out.status(2);
            }
            return;
        }
        Long type = e.number("LogonType");
        logonType(type);
        source();
        out.set("dst_endpoint.hostname", id == 4648 ? e.data("TargetServerName") : out.text("device.hostname"));
        out.set("logon_process.name", e.data("LogonProcessName"));
        protocol(e.data("AuthenticationPackageName"));
        Endpoints.process(out, "actor.process", e.data("ProcessName"), e.number("ProcessId"), null);
        out.set("session.uid", e.data("TargetLogonId"));
        out.set("session.uuid", e.data("TargetLogonGuid", "LogonGuid"));
        if (id == 4625) {
            out.set("status_detail", e.data("FailureReason"));
            out.set("status_code", e.data("SubStatus", "Status"));
        }
    }

    private void kerberos(int id) {
        int activity = switch (id) {
            case 4768 -> 3;
            case 4769 -> 4;
            case 4770 -> 5;
            default -> 6;
        };
        out.classify(OcsfClass.AUTHENTICATION, activity, switch (activity) {
            case 3 -> "Authentication Ticket";
            case 4 -> "Service Ticket Request";
            case 5 -> "Service Ticket Renew";
            default -> "Preauth";
        });
        Endpoints.user(out, "user", e.data("TargetUserName"), e.data("TargetDomainName"), sid(e.data("TargetSid")));
        out.set("service.name", e.data("ServiceName"));
        out.set("auth_protocol_id", 2L);
        out.set("auth_protocol", "Kerberos");
        String status = e.data("Status");
        out.set("status_code", status);
        out.status(id == 4771 || failure || status != null && !status.equals("0x0") ? 2 : 1);
        source();
    }

    private void source() {
        String ip = e.data("IpAddress");
        if (ip != null && (ip.contains(".") || ip.contains(":"))) {
            out.set("src_endpoint.ip", ip.startsWith("::ffff:") ? ip.substring(7) : ip);
        }
        out.port("src_endpoint.port", e.data("IpPort"));
        out.set("src_endpoint.hostname", e.data("WorkstationName"));
    }

    private void protocol(String pkg) {
        if (pkg == null) {
            return;
        }
        String p = pkg.toLowerCase(Locale.ROOT);
        long protocol = p.contains("ntlm") ? 1 : p.contains("kerberos") ? 2 : 99;
        out.set("auth_protocol_id", protocol);
        out.set("auth_protocol", protocol == 1 ? "NTLM" : protocol == 2 ? "Kerberos" : pkg);
    }

    private void logoff() {
        out.classify(OcsfClass.AUTHENTICATION, 2, "Logoff");
        out.status(failure ? 2 : 1);
        if (e.data("TargetUserName") != null) {
            target("user");
            out.set("session.uid", e.data("TargetLogonId"));
        } else {
            Endpoints.user(out, "user", e.data("SubjectUserName"), e.data("SubjectDomainName"),
                    sid(e.data("SubjectUserSid")));
            out.set("session.uid", e.data("SubjectLogonId"));
        }
        Long type = e.number("LogonType");
        logonType(type);
    }

    /** 4672: special privileges assigned to a new logon (OCSF Authorize Session, Assign Privileges). */
    private void privileges() {
        out.classify(OcsfClass.AUTHORIZE_SESSION, 1, "Assign Privileges");
        out.status(failure ? 2 : 1);
        Endpoints.user(out, "user", e.data("SubjectUserName"), e.data("SubjectDomainName"),
                sid(e.data("SubjectUserSid")));
        out.set("session.uid", e.data("SubjectLogonId"));
        String privileges = e.data("PrivilegeList");
        if (privileges != null) {
            var array = out.node().putArray("privileges");
            for (String p : privileges.strip().split("\\s+")) {
                array.add(p);
            }
        }
    }

    private void processCreated() {
        out.classify(OcsfClass.PROCESS_ACTIVITY, 1, "Launch");
        out.status(failure ? 2 : 1);
        subject();
        if (e.data("TargetUserName") != null) {
            target("process.user");
        }
        out.set("process.session.uid", e.data("TargetLogonId"));
        Endpoints.process(out, "process", e.data("NewProcessName"), e.number("NewProcessId"), e.data("CommandLine"));
        String parent = e.data("ParentProcessName");
        Long parentPid = e.number("ProcessId");
        Endpoints.process(out, "process.parent_process", parent, parentPid, null);
        Endpoints.process(out, "actor.process", parent, parentPid, null);
    }

    private void processExited() {
        out.classify(OcsfClass.PROCESS_ACTIVITY, 2, "Terminate");
        out.status(failure ? 2 : 1);
        subject();
        String image = e.data("ProcessName");
        Long pid = e.number("ProcessId");
        Endpoints.process(out, "process", image, pid, null);
        Endpoints.process(out, "actor.process", image, pid, null);
        Long exit = e.number("ExitStatus");
        if (exit != null) {
            out.set("exit_code", exit);
        }
    }

    /** 4656/4658/4660/4663: a file, or a registry key when the object is a {@code Key}. */
    private void objectAccess(int id) {
        String type = e.data("ObjectType");
        String name = e.data("ObjectName");
        boolean registry = "Key".equalsIgnoreCase(type) || name != null && name.toUpperCase(Locale.ROOT)
                .startsWith("\\REGISTRY\\");
        String access = (e.data("AccessList") + " " + e.data("AccessMask")).toLowerCase(Locale.ROOT);
        Long mask = WinEvent.parseNumber(e.data("AccessMask"));
        long m = mask == null ? 0 : mask;
        boolean delete = id == 4660 || access.contains("delete") || access.contains("%%1537") || (m & 0x10000) != 0;
        boolean write = access.matches(".*(writedata|write data|appenddata|append data|set key value|%%4417|%%4418"
                + "|%%4433|%%4434|create sub-key).*") || (m & 0x6) != 0;
        boolean read = access.matches(".*(readdata|read data|query key value|enumerate|%%4416|%%4432|%%4435).*")
                || (m & 0x1) != 0;
        if (registry) {
            int activity = delete ? 4 : write ? 3 : read || id == 4656 ? 2 : 99;
            out.classify(OcsfClass.REGISTRY_KEY_ACTIVITY, activity, switch (activity) {
                case 4 -> "Delete";
                case 3 -> "Modify";
                case 2 -> "Read";
                default -> "Other";
            });
            out.set("reg_key.path", name);
        } else {
            int activity = delete ? 4 : write ? 3 : read ? 2 : id == 4656 ? 14 : 99;
            out.classify(OcsfClass.FILE_ACTIVITY, activity, switch (activity) {
                case 4 -> "Delete";
                case 3 -> "Update";
                case 2 -> "Read";
                case 14 -> "Open";
                default -> "Other";
            });
            Endpoints.file(out, "file", name);
            out.set("file.uid", e.data("HandleId"));
        }
        out.status(failure ? 2 : 1);
        subject();
        Endpoints.process(out, "actor.process", e.data("ProcessName"), e.number("ProcessId"), null);
    }

    private void accountChange(int id) {
        int activity = switch (id) {
            case 4720 -> 1;
            case 4722 -> 2;
            case 4723 -> 3;
            case 4724 -> 4;
            case 4725 -> 5;
            case 4726 -> 6;
            case 4740 -> 9;
            default -> 99;
        };
        out.classify(OcsfClass.ACCOUNT_CHANGE, activity, switch (id) {
            case 4720 -> "Create";
            case 4722 -> "Enable";
            case 4723 -> "Password Change";
            case 4724 -> "Password Reset";
            case 4725 -> "Disable";
            case 4726 -> "Delete";
            case 4740 -> "Lock";
            case 4767 -> "Unlock";
            case 4781 -> "Rename";
            default -> "Other";
        });
        out.status(failure ? 2 : 1);
        subject();
        if (id == 4740) {
            // the locked account's "domain" is the computer the failed logons came from
            Endpoints.user(out, "user", e.data("TargetUserName"), null, sid(e.data("TargetSid")));
            out.set("src_endpoint.hostname", e.data("TargetDomainName"));
        } else if (id == 4781) {
            Endpoints.user(out, "user", e.data("NewTargetUserName"), e.data("TargetDomainName"),
                    sid(e.data("TargetSid")));
        } else {
            target("user");
        }
    }

    private void group(int id) {
        int activity = switch (id) {
            case 4727, 4731, 4754 -> 6;
            case 4728, 4732, 4756 -> 3;
            case 4729, 4733, 4757 -> 4;
            case 4730, 4734, 4758 -> 5;
            default -> 99;
        };
        out.classify(OcsfClass.GROUP_MANAGEMENT, activity, switch (activity) {
            case 6 -> "Create";
            case 3 -> "Add User";
            case 4 -> "Remove User";
            case 5 -> "Delete";
            default -> "Other";
        });
        out.status(failure ? 2 : 1);
        subject();
        out.set("group.name", e.data("TargetUserName"));
        out.set("group.domain", e.data("TargetDomainName"));
        out.set("group.uid", sid(e.data("TargetSid")));
        String member = e.data("MemberName");
        String memberSid = sid(e.data("MemberSid"));
        if (member != null || memberSid != null) {
            Matcher cn = Pattern.compile("^CN=((?:\\\\,|[^,])+)").matcher(member == null ? "" : member);
            out.set("user.name", cn.find() ? cn.group(1).replace("\\,", ",") : member);
            out.set("user.full_name", member != null && member.startsWith("CN=") ? member : null);
            out.set("user.uid", memberSid);
        }
    }

    private void scheduledTask(int id) {
        int activity = switch (id) {
            case 4698 -> 1;
            case 4702 -> 2;
            case 4699 -> 3;
            case 4700 -> 4;
            default -> 5;
        };
        out.classify(OcsfClass.SCHEDULED_JOB_ACTIVITY, activity, switch (activity) {
            case 1 -> "Create";
            case 2 -> "Update";
            case 3 -> "Delete";
            case 4 -> "Enable";
            default -> "Disable";
        });
        out.status(failure ? 2 : 1);
        subject();
        out.set("job.name", e.data("TaskName"));
        String content = e.data("TaskContent", "TaskContentNew");
        if (content != null) {
            Matcher command = COMMAND.matcher(content);
            if (command.find()) {
                String args = command.group(2) == null ? "" : " " + command.group(2).strip();
                out.set("job.cmd_line", (command.group(1).strip() + args).strip());
                Endpoints.file(out, "job.file", command.group(1).strip());
            }
        }
        if (!out.has("job.file.name")) {
            out.set("job.file.name", Endpoints.baseName(out.text("job.name")));
        }
    }

    /** 1102 (Security log cleared), 104 (a log cleared, System log), 1100 (event logging shut down). */
    private void eventLog(int id) {
        if (id == 1100) {
            out.classify(OcsfClass.EVENT_LOG_ACTIVITY, 7, "Stop");
        } else {
            out.classify(OcsfClass.EVENT_LOG_ACTIVITY, 1, "Clear");
        }
        out.status(failure ? 2 : 1);
        subject();
        out.set("log_name", id == 1102 ? "Security" : e.data("Channel"));
        out.set("log_provider", "Microsoft-Windows-Eventlog");
    }

    /** Windows logon types share OCSF's numbers, except 0 (System: OCSF 1). */
    private void logonType(Long type) {
        if (type == null) {
            return;
        }
        String name = logonType(type.intValue());
        out.set("logon_type_id", type == 0 ? 1L : name.equals("Other") ? 99L : type);
        out.set("logon_type", name);
    }

    static String logonType(int type) {
        return switch (type) {
            case 0 -> "System";
            case 2 -> "Interactive";
            case 3 -> "Network";
            case 4 -> "Batch";
            case 5 -> "OS Service";
            case 7 -> "Unlock";
            case 8 -> "Network Cleartext";
            case 9 -> "New Credentials";
            case 10 -> "Remote Interactive";
            case 11 -> "Cached Interactive";
            case 12 -> "Cached Remote Interactive";
            case 13 -> "Cached Unlock";
            default -> "Other";
        };
    }
}
