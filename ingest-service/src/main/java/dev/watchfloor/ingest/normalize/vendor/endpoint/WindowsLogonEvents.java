package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The Security log's logon events (Microsoft Learn, "Windows security audit events"): 4624 logon, 4625 failed logon,
 * 4648 explicit credentials, 4634 and 4647 logoff, 4672 special privileges (Authorize Session), Kerberos 4768-4771 and
 * NTLM 4776 credential validation. {@code user} is the account authenticated, {@code actor.user} the subject that
 * asked.
 */
final class WindowsLogonEvents {

    private final WinEvent e;
    private final OcsfEvent out;
    private final boolean failure;

    WindowsLogonEvents(WinEvent e, OcsfEvent out, boolean failure) {
        this.e = e;
        this.out = out;
        this.failure = failure;
    }

    void map(int id) {
        switch (id) {
            case 4768, 4769, 4770, 4771 -> kerberos(id);
            case 4634, 4647 -> logoff();
            case 4672 -> privileges();
            default -> logon(id);
        }
    }

    private void logon(int id) {
        out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        out.status(id == 4625 || failure ? 2 : 1);
        WindowsSecurityEvents.subject(e, out);
        WindowsSecurityEvents.target(e, out, "user");
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
        String server = id == 4648 ? e.data("TargetServerName") : out.text("device.hostname");
        // 4648 names "localhost" for a logon on this computer: the device itself, already named
        out.set("dst_endpoint.hostname", "localhost".equalsIgnoreCase(server) ? out.text("device.hostname") : server);
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
        Endpoints.user(out, "user", e.data("TargetUserName"), e.data("TargetDomainName"),
                WindowsSecurityEvents.sid(e.data("TargetSid")));
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
            WindowsSecurityEvents.target(e, out, "user");
            out.set("session.uid", e.data("TargetLogonId"));
        } else {
            Endpoints.user(out, "user", e.data("SubjectUserName"), e.data("SubjectDomainName"),
                    WindowsSecurityEvents.sid(e.data("SubjectUserSid")));
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
                WindowsSecurityEvents.sid(e.data("SubjectUserSid")));
        out.set("session.uid", e.data("SubjectLogonId"));
        String privileges = e.data("PrivilegeList");
        if (privileges != null) {
            var array = out.node().putArray("privileges");
            for (String p : privileges.strip().split("\\s+")) {
                array.add(p);
            }
        }
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
