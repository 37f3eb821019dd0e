package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * The syslog header fields every syslog mapper maps the same way (see {@code format.Parsed}): the timestamp as the
 * event time, the hostname as {@code device.hostname}, the program and pid as {@code process}; PRI, facility and
 * severity consumed (a mapper takes severity from its own message when it has one).
 */
final class SyslogHeader {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IP = Pattern
            .compile("\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}");

    private SyslogHeader() {
    }

    /** Maps the header; answers the syslog severity (0-7), or -1 when there is none. */
    static int map(Source in, OcsfEvent out, MapContext ctx, boolean time) {
        if (time) {
            out.time(ctx.time(in.text("syslog.timestamp")));
        }
        String host = in.text("syslog.hostname");
        if (host != null && IPV4.matcher(host).matches()) {
            out.set("device.ip", host);
        } else {
            out.set("device.hostname", host);
        }
        Long severity = in.number("syslog.severity");
        in.use("syslog.pri", "syslog.facility");
        return severity == null ? -1 : severity.intValue();
    }

    /** Maps the program name and pid of the header to {@code process}. */
    static void process(Source in, OcsfEvent out) {
        out.set("process.name", in.text("syslog.app_name"));
        String pid = in.text("syslog.procid");
        if (pid != null && pid.transform(Regexes.matches("\\d{1,9}"))) {
            out.set("process.pid", Long.parseLong(pid));
        }
    }

    static boolean isIp(String text) {
        return text != null && IP.matcher(text).matches() && text.length() <= 45;
    }

    static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
