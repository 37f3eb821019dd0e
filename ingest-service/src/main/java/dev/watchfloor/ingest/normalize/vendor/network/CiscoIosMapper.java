package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Syslog;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Cisco IOS / IOS XE system messages ("System Message Guide": {@code [seq:] [*]timestamp: %FACILITY-SEVERITY-MNEMONIC:
 * text}, possibly after a relay's host): logged configuration commands (PARSER-5-CFGLOG_LOGGEDCMD, SYS-5-CONFIG_I) to
 * API Activity, login results (SEC_LOGIN-5-LOGIN_SUCCESS, SEC_LOGIN-4-LOGIN_FAILED, SSH-5-SSH2_USERAUTH) to
 * Authentication, access-list log hits (SEC-6-IPACCESSLOGP and kin) to Network Activity, the rest to a Base Event.
 */
public final class CiscoIosMapper implements Mapper {

    private static final Pattern LINE = Pattern.compile("^(?:(?<host>[\\w.:-]{1,255}) )?(?:(?<seq>\\d{1,12}): )?"
            + "(?:[*.]?(?<time>(?:[A-Z][a-z]{2} +\\d{1,2}(?: \\d{4})? )?\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?)"
            + "(?: [A-Z]{2,5})?: )?%(?<facility>[A-Z][A-Z0-9_]{0,40})-(?:[A-Z0-9_]{1,40}-)?(?<sev>[0-7])-"
            + "(?<mnemonic>[A-Z0-9_]{1,60}): ?(?<text>.*)$", Pattern.DOTALL);
    private static final Pattern LOGGED_COMMAND = Pattern.compile("User:(?<user>\\S+)\\s+logged command:(?<cmd>.*)$");
    private static final Pattern CONFIGURED = Pattern.compile("Configured from (?<from>\\S+) by (?<user>\\S+)"
            + "(?: on \\S+)?(?: \\((?<ip>[0-9A-Fa-f.:]+)\\))?");
    private static final Pattern LOGIN = Pattern.compile("\\[user: (?<user>[^\\]]*)\\] \\[Source: (?<ip>[^\\]]*)\\]"
            + "(?: \\[localport: (?<port>\\d+)\\])?(?: \\[Reason: (?<reason>[^\\]]*)\\])?");
    private static final Pattern SSH = Pattern.compile("User '(?<user>[^']*)' authentication for SSH2? Session from "
            + "(?<ip>[0-9A-Fa-f.:]+).*?(?<result>Succeeded|Failed)");
    private static final Pattern ACL = Pattern.compile("list (?<acl>\\S+) (?<act>permitted|denied) (?<proto>\\S+) "
            + "(?<sip>[0-9A-Fa-f.:]+)\\((?<sp>\\d+)\\)(?: \\([^)]*\\))? -> (?<dip>[0-9A-Fa-f.:]+)\\((?<dp>\\d+)\\)");

    @Override
    public String id() {
        return "cisco-ios";
    }

    @Override
    public boolean matches(Parsed record) {
        String message = new Source(record.fields()).peekText("message");
        if (message == null || message.length() > 8192 || message.indexOf('%') < 0) {
            return false;
        }
        Matcher m = LINE.matcher(message);
        return m.matches() && !m.group("facility").transform(Regexes.matches("ASA|FTD|PIX|FWSM"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        SyslogHeader.map(in, out, ctx, false);
        out.product("Cisco", "Cisco IOS");
        String message = in.text("message");
        Matcher m = message == null ? null : LINE.matcher(message);
        if (m == null || message.length() > 8192 || !m.matches()) {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
            out.set("message", message);
            out.time(ctx.time(in.text("syslog.timestamp")));
            return;
        }
        String time = m.group("time");
        out.time(ctx.time(time != null && time.length() > 12 ? time : in.text("syslog.timestamp")));
        String host = m.group("host");
        if (host != null && !out.has("device.hostname") && !out.has("device.ip")) {
            Traffic.endpoint(out, "device", host, null, null);
        }
        String code = m.group("facility") + "-" + m.group("sev") + "-" + m.group("mnemonic");
        String text = m.group("text").strip();
        out.set("metadata.event_code", code);
        out.set("metadata.sequence", m.group("seq") == null || m.group("seq").length() > 18
                ? null
                : Long.parseLong(m.group("seq")));
        out.severity(Syslog.ocsfSeverity(Integer.parseInt(m.group("sev"))));
        out.set("message", text);
        if (!message(m.group("facility"), m.group("mnemonic"), text, out)) {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
    }

    private static boolean message(String facility, String mnemonic, String text, OcsfEvent out) {
        Matcher m;
        if (mnemonic.equals("CFGLOG_LOGGEDCMD") && (m = LOGGED_COMMAND.matcher(text)).find()) {
            out.classify(OcsfClass.API_ACTIVITY, 3, "Update");
            out.status(1);
            out.set("actor.user.name", m.group("user"));
            out.set("api.operation", m.group("cmd").strip());
            return true;
        }
        if (mnemonic.equals("CONFIG_I") && (m = CONFIGURED.matcher(text)).find()) {
            out.classify(OcsfClass.API_ACTIVITY, 3, "Update");
            out.status(1);
            out.set("actor.user.name", m.group("user"));
            out.set("api.service.name", m.group("from"));
            Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
            return true;
        }
        if (facility.equals("SEC_LOGIN") && (m = LOGIN.matcher(text)).find()) {
            boolean ok = mnemonic.contains("SUCCESS");
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
            out.status(ok ? 1 : 2);
            out.set("user.name", m.group("user"));
            Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
            out.port("dst_endpoint.port", m.group("port"));
            out.set("status_detail", m.group("reason"));
            return true;
        }
        if (facility.equals("SSH") && (m = SSH.matcher(text)).find()) {
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
            out.status(m.group("result").equals("Succeeded") ? 1 : 2);
            out.set("user.name", m.group("user"));
            Traffic.endpoint(out, "src_endpoint", m.group("ip"), null, null);
            out.set("auth_protocol", "ssh");
            return true;
        }
        if (mnemonic.startsWith("IPACCESSLOG") && (m = ACL.matcher(text)).find()) {
            boolean denied = m.group("act").equals("denied");
            Traffic.classify(out, denied ? Traffic.REFUSE : Traffic.TRAFFIC);
            out.status(denied ? 2 : 1);
            FormatFields.disposition(out, m.group("act"));
            Traffic.endpoint(out, "src_endpoint", m.group("sip"), m.group("sp"), null);
            Traffic.endpoint(out, "dst_endpoint", m.group("dip"), m.group("dp"), null);
            Traffic.protocol(out, m.group("proto"));
            out.set("firewall_rule.name", m.group("acl"));
            return true;
        }
        return false;
    }
}
