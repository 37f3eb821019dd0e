package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The Windows Security log's audit events (Microsoft Learn, "Windows security audit events" reference), by event id:
 * logon and logoff ({@link WindowsLogonEvents}), process creation and exit (4688, 4689), object access (4656, 4658,
 * 4660, 4663), account and group management (4720-4767, 4727-4758), scheduled tasks (4698-4702) and the audit log
 * itself (1100, 1102, 104). The subject ({@code Subject*}) is the actor; the target ({@code Target*}) the user acted on
 * or authenticated.
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
            case 4624, 4625, 4648, 4776, 4768, 4769, 4770, 4771, 4634, 4647, 4672 -> new WindowsLogonEvents(e, out,
                    failure).map(id);
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
        subject(e, out);
    }

    private void target(String prefix) {
        target(e, out, prefix);
    }

    /** The subject ({@code Subject*}): the account that acted, as {@code actor.user}. */
    static void subject(WinEvent e, OcsfEvent out) {
        Endpoints.user(out, "actor.user", e.data("SubjectUserName"), e.data("SubjectDomainName"),
                sid(e.data("SubjectUserSid")));
        out.set("actor.session.uid", e.data("SubjectLogonId"));
    }

    /** The target ({@code Target*}): the account acted on or authenticated, at {@code prefix}. */
    static void target(WinEvent e, OcsfEvent out, String prefix) {
        Endpoints.user(out, prefix, e.data("TargetUserName"), e.data("TargetDomainName"),
                sid(e.data("TargetUserSid", "TargetSid")));
    }

    /** A SID, or null for the null SID. */
    static String sid(String sid) {
        return sid == null || sid.equals("S-1-0-0") || sid.equalsIgnoreCase("NULL SID") ? null : sid;
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
        boolean read = access
                .transform(Regexes.matches(".*(readdata|read data|query key value|enumerate|%%4416|%%4432|%%4435).*"))
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
}
