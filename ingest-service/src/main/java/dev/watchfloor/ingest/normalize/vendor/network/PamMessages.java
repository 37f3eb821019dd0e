package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * Linux-PAM module messages (pam_unix and pam_sss / pam_ldap alike): {@code pam_unix(SERVICE:auth): authentication
 * failure; logname= uid= euid= tty= ruser= rhost= user=}, {@code check pass; user unknown}, {@code PAM N more
 * authentication failures; ...}, and {@code session opened for user X by Y} / {@code session closed for user X}.
 */
final class PamMessages {

    private static final Pattern FAILURE = Pattern
            .compile("^(?:pam_\\w+\\([^)]*\\): authentication failure|PAM \\d+ more "
                    + "authentication failures?); (?<pairs>.*)$");
    private static final Pattern UNKNOWN = Pattern.compile("^pam_\\w+\\([^)]*\\): check pass; user unknown$");
    private static final Pattern OPENED = Pattern
            .compile("^pam_\\w+\\([^)]*\\): session opened for user (?<user>[^\\s(]+)"
                    + "(?:\\(uid=\\d+\\))?(?: by (?<by>[^\\s(]*)(?:\\(uid=(?<uid>\\d+)\\))?)?\\s*$");
    private static final Pattern CLOSED = Pattern
            .compile("^pam_\\w+\\([^)]*\\): session closed for user (?<user>[^\\s(]+).*$");
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\\S*)");

    private PamMessages() {
    }

    static boolean map(String text, OcsfEvent out) {
        Matcher m;
        if ((m = FAILURE.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, 2);
            Matcher pair = PAIR.matcher(m.group("pairs"));
            String ruser = null;
            while (pair.find()) {
                switch (pair.group(1)) {
                    case "user" -> out.set("user.name", LinuxAuthMapper.user(pair.group(2)));
                    case "rhost" -> LinuxAuthMapper.remote(out, pair.group(2), null);
                    case "ruser" -> ruser = pair.group(2);
                    case "logname" -> out.set("actor.user.name", LinuxAuthMapper.user(pair.group(2)));
                    default -> {
                    }
                }
            }
            if (!out.has("actor.user.name")) {
                out.set("actor.user.name", LinuxAuthMapper.user(ruser));
            }
            out.set("status_detail", "authentication failure");
            return true;
        }
        if (UNKNOWN.matcher(text).matches()) {
            LinuxAuthMapper.authentication(out, true, 2);
            out.set("status_detail", "user unknown");
            return true;
        }
        if ((m = OPENED.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, true, 1);
            out.set("user.name", LinuxAuthMapper.user(m.group("user")));
            out.set("actor.user.name", LinuxAuthMapper.user(m.group("by")));
            if (m.group("uid") != null && m.group("by") != null && !m.group("by").isEmpty()) {
                out.set("actor.user.uid", m.group("uid"));
            }
            return true;
        }
        if ((m = CLOSED.matcher(text)).matches()) {
            LinuxAuthMapper.authentication(out, false, 1);
            out.set("user.name", LinuxAuthMapper.user(m.group("user")));
            return true;
        }
        return false;
    }
}
