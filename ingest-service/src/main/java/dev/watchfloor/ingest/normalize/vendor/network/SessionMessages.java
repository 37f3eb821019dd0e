package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * sudo, su, login and systemd-logind messages (sudoers log format {@code user : TTY=tty ; PWD=dir ; USER=target ;
 * COMMAND=cmd}; util-linux su and login; logind "New session N of user X"). A sudo command is a Process Activity launch
 * by the invoking user as the target user; password failures are failed logons of the invoking user.
 */
final class SessionMessages {

    private static final Pattern SUDO = Pattern
            .compile("^(?<user>[^\\s:]+) : (?:(?<problem>[^;=]+?) ; )?(?<pairs>TTY=.*)$");
    private static final Pattern SUDO_PAIR = Pattern.compile("(?:^|; )(?<key>[A-Z]+)=(?<value>.*?)(?= ; [A-Z]+=|$)");
    private static final Pattern SU = Pattern
            .compile("^(?<failed>FAILED SU )?\\(to (?<target>[^)]+)\\) (?<user>\\S+) on (?<tty>\\S+)$");
    private static final Pattern SU_BY = Pattern
            .compile("^(?<result>Successful|FAILED) su for (?<target>\\S+) by (?<user>\\S+)$");
    private static final Pattern LOGIN_FAILED = Pattern.compile(
            "^FAILED LOGIN \\(\\d+\\) on '?(?<tty>[^' ]+)'?(?: FROM '?(?<from>[^' ]+)'?)? FOR '?(?<user>[^', ]+)'?.*$");
    private static final Pattern LOGIN_OK = Pattern
            .compile("^(?:ROOT LOGIN|LOGIN) ON (?<tty>\\S+)(?: BY (?<user>\\S+))?(?: FROM (?<from>\\S+))?$");
    private static final Pattern NEW_SESSION = Pattern
            .compile("^New session (?<id>\\S+) of user (?<user>[^\\s.]+)\\.?$");
    private static final Pattern REMOVED = Pattern.compile("^Removed session (?<id>[^\\s.]+)\\.?$");

    private SessionMessages() {
    }

    static boolean map(String program, String text, OcsfEvent out) {
        Matcher m;
        if (program.equals("sudo") && (m = SUDO.matcher(text)).matches()) {
            sudo(m, out);
            return true;
        }
        if ((m = SU.matcher(text)).matches() || (m = SU_BY.matcher(text)).matches()) {
            boolean failed = m.pattern() == SU ? m.group("failed") != null : m.group("result").equals("FAILED");
            LinuxAuthMapper.authentication(out, true, failed ? 2 : 1);
            out.set("user.name", m.group("target"));
            out.set("actor.user.name", m.group("user"));
            return true;
        }
        if ((m = LOGIN_FAILED.matcher(text)).matches() || (m = LOGIN_OK.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, m.pattern() == LOGIN_FAILED ? 2 : 1);
            String user = m.group("user");
            out.set("user.name", user != null ? user : text.startsWith("ROOT") ? "root" : null);
            LinuxAuthMapper.remote(out, m.group("from"), null);
            return true;
        }
        if ((m = NEW_SESSION.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, 1);
            out.set("user.name", m.group("user"));
            out.set("session.uid", m.group("id"));
            return true;
        }
        if ((m = REMOVED.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, false, 1);
            out.set("session.uid", m.group("id"));
            return true;
        }
        return false;
    }

    private static void sudo(Matcher m, OcsfEvent out) {
        String user = m.group("user");
        String problem = m.group("problem") == null ? null : m.group("problem").strip();
        String command = null;
        String target = null;
        Matcher pair = SUDO_PAIR.matcher(m.group("pairs"));
        while (pair.find()) {
            switch (pair.group("key")) {
                case "COMMAND" -> command = pair.group("value").strip();
                case "USER" -> target = pair.group("value").strip();
                case "PWD" -> out.set("process.working_directory", pair.group("value").strip());
                default -> {
                }
            }
        }
        if (problem != null && (problem.contains("incorrect password") || problem.contains("authentication failure"))) {
            LinuxAuthMapper.authentication(out, true, 2);
            out.set("user.name", user);
            out.set("status_detail", problem);
            out.set("process.cmd_line", command);
            return;
        }
        out.classify(OcsfClass.PROCESS_ACTIVITY, 1, "Launch");
        if (out.node().get("process") instanceof ObjectNode header) { // the header's pid is sudo's own
            JsonNode pid = header.remove("pid");
            out.set("actor.process.pid", pid);
        }
        out.status(problem == null ? 1 : 2);
        out.severity(problem == null ? 1 : 3);
        out.set("status_detail", problem);
        out.set("actor.user.name", user);
        out.set("process.user.name", target);
        if (command != null) {
            out.set("process.cmd_line", command);
            String path = command.split("\\s+", 2)[0];
            out.set("process.file.path", path);
            String name = path.substring(path.lastIndexOf('/') + 1);
            out.set("process.file.name", name);
            out.set("process.name", name);
        }
        out.set("actor.process.name", "sudo");
    }
}
