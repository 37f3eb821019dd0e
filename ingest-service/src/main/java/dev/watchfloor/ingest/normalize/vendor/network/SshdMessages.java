package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * OpenSSH sshd messages (OpenSSH auth.c, auth2.c, sshd.c, packet.c log texts): Accepted/Failed METHOD for [invalid
 * user] USER from IP port N ssh2, Invalid user, too many authentication failures, disconnects and closed connections,
 * and the reverse-mapping "POSSIBLE BREAK-IN ATTEMPT" warning.
 */
final class SshdMessages {

    private static final Pattern REPEATED = Pattern.compile("^message repeated (\\d+) times: \\[\\s*(.*?)\\s*\\]$");
    private static final Pattern RESULT = Pattern
            .compile("^(?<result>Accepted|Failed|Postponed|Partial) (?<method>\\S+) "
                    + "for (?<invalid>invalid user )?(?<user>.*?) from (?<ip>\\S+) port (?<port>\\d+)(?: (?<proto>ssh\\d?))?(?:: (?<key>.*))?$");
    private static final Pattern INVALID = Pattern
            .compile("^(?:Invalid|Illegal) user (?<user>.*?) from (?<ip>\\S+)(?: port (?<port>\\d+))?$");
    private static final Pattern INVALID_PREAUTH = Pattern
            .compile("^input_userauth_request: (?:invalid|illegal) user (?<user>.*?)(?: \\[preauth\\])?$");
    private static final Pattern TOO_MANY = Pattern.compile(
            "^(?:error: maximum authentication attempts exceeded|Disconnecting(?: \\S+ user \\S+ \\S+ port \\d+)?: Too many authentication failures)"
                    + "(?: for (?:invalid user )?(?<user>\\S+?))?(?: from (?<ip>\\S+) port (?<port>\\d+))?(?: ssh2)?(?: \\[preauth\\])?$");
    private static final Pattern NO_METHODS = Pattern.compile(
            "^(?:error: )?Received disconnect from (?<ip>\\S+?)(?: port (?<port>\\d+))?: \\d+: No more user authentication methods available\\.?(?: \\[preauth\\])?$");
    private static final Pattern DISCONNECT = Pattern
            .compile("^(?:error: )?(?:Received disconnect|Disconnected|Connection closed|Connection reset) "
                    + "(?:from|by) (?:(?:invalid |authenticating )?user (?<user>\\S+) )?(?<ip>[^\\s:]+?|[0-9a-fA-F:]+?)(?: port (?<port>\\d+))?(?::\\s*(?<reason>.*?))?(?<preauth> \\[preauth\\])?$");
    private static final Pattern BREAK_IN = Pattern.compile(
            "^reverse mapping checking getaddrinfo for (?<host>\\S+) \\[(?<ip>[^\\]]+)\\] failed.*POSSIBLE BREAK-IN ATTEMPT!?$");
    private static final Pattern ADDRESS = Pattern
            .compile("(?:from|by) (?<ip>\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F:]{3,45})(?: port (?<port>\\d+))?");

    private SshdMessages() {
    }

    static boolean map(String message, OcsfEvent out) {
        String text = message;
        Matcher repeated = REPEATED.matcher(text);
        if (repeated.matches()) {
            out.set("count", Long.parseLong(repeated.group(1).length() > 9 ? "0" : repeated.group(1)));
            text = repeated.group(2);
        }
        Matcher m;
        if ((m = RESULT.matcher(text)).matches()) {
            boolean accepted = m.group("result").equals("Accepted");
            LinuxAuthMapper.authentication(out, true, accepted ? 1 : m.group("result").equals("Failed") ? 2 : 99);
            out.set("user.name", LinuxAuthMapper.user(m.group("user")));
            LinuxAuthMapper.remote(out, m.group("ip"), m.group("port"));
            out.set("auth_protocol", m.group("method"));
            out.set("status_detail", m.group("invalid") != null ? "invalid user" : null);
            out.set("src_endpoint.svc_name", m.group("proto"));
            return true;
        }
        if ((m = INVALID.matcher(text)).matches() || (m = INVALID_PREAUTH.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, 2);
            out.set("user.name", LinuxAuthMapper.user(m.group("user")));
            out.set("status_detail", "invalid user");
            if (m.pattern() == INVALID) {
                LinuxAuthMapper.remote(out, m.group("ip"), m.group("port"));
            }
            return true;
        }
        if ((m = TOO_MANY.matcher(text)).matches() || (m = NO_METHODS.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, 2);
            if (m.pattern() == TOO_MANY) {
                out.set("user.name", LinuxAuthMapper.user(m.group("user")));
            }
            LinuxAuthMapper.remote(out, m.group("ip"), m.group("port"));
            out.set("status_detail", m.pattern() == TOO_MANY
                    ? "too many authentication failures"
                    : "no more user authentication methods available");
            return true;
        }
        if ((m = DISCONNECT.matcher(text)).matches()) {
            boolean failed = m.group("reason") != null
                    && m.group("reason").transform(Regexes.matches("(?i).*\\bauth\\w* fail.*"));
            LinuxAuthMapper.authentication(out, failed, failed ? 2 : m.group("preauth") != null ? 99 : 1);
            out.set("user.name", LinuxAuthMapper.user(m.group("user")));
            LinuxAuthMapper.remote(out, m.group("ip"), m.group("port"));
            out.set("status_detail", m.group("reason"));
            return true;
        }
        if ((m = BREAK_IN.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, 0);
            out.severity(3);
            LinuxAuthMapper.remote(out, m.group("ip"), null);
            out.set("src_endpoint.hostname", m.group("host"));
            out.set("status_detail", "reverse mapping failed - possible break-in attempt");
            return true;
        }
        out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        if ((m = ADDRESS.matcher(text)).find() && SyslogHeader.isIp(m.group("ip"))) {
            LinuxAuthMapper.remote(out, m.group("ip"), m.group("port"));
        }
        return true;
    }
}
