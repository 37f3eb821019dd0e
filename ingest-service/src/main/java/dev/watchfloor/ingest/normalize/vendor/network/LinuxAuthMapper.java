package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Syslog;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Linux authentication syslog (auth.log / secure) of OpenSSH's sshd, sudo, su, login, systemd-logind, and PAM module
 * messages of any program: logons, failures, invalid users, disconnects and sessions to Authentication (3002), sudo
 * commands to Process Activity (1007, Launch) with the invoking user as actor; any other line of these programs is a
 * Base Event with its message. Time and host come from the syslog header (RFC 3164 without a year: the year is
 * inferred).
 */
public final class LinuxAuthMapper implements Mapper {

    /** A PAM module's message, whatever program logs it (cron, gdm, vsftpd, ...). */
    private static final Pattern PAM = Pattern.compile("pam_[a-z0-9_]{1,20}\\([^)]{1,64}\\): ");
    private static final Set<String> PROGRAMS = Set.of("sshd", "sshd-session", "sshd-auth", "sudo", "su", "login",
            "systemd-logind", "unix_chkpwd", "passwd");

    @Override
    public String id() {
        return "linux-auth";
    }

    @Override
    public boolean matches(Parsed record) {
        Source in = new Source(record.fields());
        String program = in.peekText("syslog.app_name");
        String message = in.peekText("message");
        return program != null && message != null
                && (PROGRAMS.contains(program.toLowerCase(Locale.ROOT)) || PAM.matcher(message).lookingAt());
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        int level = SyslogHeader.map(in, out, ctx, true);
        SyslogHeader.process(in, out);
        String program = out.text("process.name") == null ? "" : out.text("process.name").toLowerCase(Locale.ROOT);
        if (program.startsWith("sshd")) {
            out.product("OpenBSD", "OpenSSH");
        } else {
            out.product("Linux", program);
        }
        String message = in.text("message");
        String text = message == null ? "" : message.strip();
        out.set("message", text);
        boolean mapped = text.length() <= 8192 && (PamMessages.map(text, out)
                || (program.startsWith("sshd")
                        ? SshdMessages.map(text, out)
                        : SessionMessages.map(program, text, out)));
        if (!mapped) {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
        if (!out.node().has("severity_id")) {
            out.severity(level >= 0 ? Syslog.ocsfSeverity(level) : 1);
        }
        if (out.ocsfClass() == OcsfClass.AUTHENTICATION) {
            out.set("service.name", program);
        }
    }

    /** Authentication (3002): Logon (1) or Logoff (2), status, and severity (failures Low). */
    static void authentication(OcsfEvent out, boolean logon, int status) {
        out.classify(OcsfClass.AUTHENTICATION, logon ? 1 : 2, logon ? "Logon" : "Logoff");
        out.status(status);
        out.severity(status == 2 ? 2 : 1);
    }

    /** A remote address: an IP as {@code ip}, a name as {@code hostname}. */
    static void remote(OcsfEvent out, String address, String port) {
        if (address == null || address.isBlank()) {
            return;
        }
        Traffic.endpoint(out, "src_endpoint", address.strip(), port, null);
    }

    /** A user name as logs write it; empty, "unknown" or "(unknown)" is none. */
    static String user(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        return n.isEmpty() || n.equals("unknown") || n.equals("(unknown)") ? null : n;
    }
}
