package dev.watchfloor.ingest.normalize.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Syslog headers: RFC 5424 ({@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG}, structured
 * data elements read into {@code structured_data.<SD-ID>.<PARAM>}, a UTF-8 BOM before MSG dropped) and RFC 3164 / BSD
 * ({@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG}), with the variants devices write: no PRI, a year after the day
 * ({@code Mmm dd yyyy hh:mm:ss}, Cisco ASA), fractions of seconds, an ISO-8601 timestamp (rsyslog's high-precision
 * templates), a colon after the timestamp, no hostname (the message starts with {@code %}), and no tag.
 */
public final class Syslog {

    /** The header fields (under {@code syslog}) and the message that follows it. */
    public record Header(ObjectNode fields, String message) {
    }

    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    private static final String MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    /** {@code Mmm dd [yyyy] hh:mm:ss[.fff]}, optionally followed by a colon (ASA without a hostname). */
    private static final Pattern BSD_TIME = Pattern.compile(
            "^(" + MONTHS
                    + " {1,2}\\d{1,2}(?: \\d{4})? \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(?: (UTC|GMT)| ([A-Z]{3,5})(?=:))?:? ",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?):? ",
            Pattern.CASE_INSENSITIVE);
    /** TAG[PID]: as programs write it (letters, digits and the usual punctuation, up to 64 characters). */
    private static final Pattern TAG = Pattern.compile("^([^\\s:\\[\\]]{1,64})(?:\\[([^\\]\\s]{0,32})\\])?: ?");
    private static final Pattern HOST = Pattern.compile("^[\\w.:\\-\\[\\]/@]{1,255}$");

    private Syslog() {
    }

    /** Whether the line starts with a syslog PRI ({@code <0>} to {@code <191>}). */
    public static boolean startsWithPri(String line) {
        Matcher m = PRI.matcher(line);
        return m.find() && Integer.parseInt(m.group(1)) <= 191;
    }

    /** The header of a syslog line, or null when the line is not syslog. */
    public static Header parse(String line, List<String> warnings) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        String rest = line;
        Matcher pri = PRI.matcher(rest);
        boolean hasPri = false;
        if (pri.find()) {
            int value = Integer.parseInt(pri.group(1));
            if (value <= 191) {
                header.put("pri", value);
                header.put("facility", value / 8);
                header.put("severity", value % 8);
                rest = rest.substring(pri.end());
                hasPri = true;
            }
        }
        if (hasPri && rest.startsWith(":")) { // "<166>:Jan 13 2020 ..." (Cisco with a leading colon)
            rest = rest.substring(1);
        }
        if (rest.startsWith("1 ") && hasPri) {
            Header ietf = Rfc5424.parse(rest.substring(2), header, warnings);
            if (ietf != null) {
                return ietf;
            }
        }
        Matcher time = BSD_TIME.matcher(rest);
        if (!time.find()) {
            time = ISO_TIME.matcher(rest);
            if (!time.find()) {
                if (!hasPri) {
                    return null;
                }
                return tagged(header, rest.stripLeading());
            }
        }
        header.put("timestamp", time.group(1).replaceAll(" {2,}", " "));
        if (time.groupCount() >= 3 && time.group(3) != null) {
            warnings.add("syslog time zone '" + time.group(3) + "' not read: the source's zone is assumed");
        }
        rest = rest.substring(time.end()).stripLeading();
        if (rest.startsWith(":")) { // "Mmm dd hh:mm:ss : msg" (ASA without device-id)
            rest = rest.substring(1).stripLeading();
        }
        if (!rest.startsWith("%") && !startsWithFormat(rest)) {
            int space = rest.indexOf(' ');
            String host = space < 0 ? rest : rest.substring(0, space);
            if (HOST.matcher(host).matches() && !TAG.matcher(host + " ").matches() && space > 0) {
                header.put("hostname", host);
                rest = rest.substring(space + 1).stripLeading();
            } else if (space > 0 && host.endsWith(":") && HOST.matcher(host.substring(0, host.length() - 1)).matches()
                    && rest.substring(space + 1).stripLeading().startsWith("%")) {
                header.put("hostname", host.substring(0, host.length() - 1)); // "asa01: %ASA-..."
                rest = rest.substring(space + 1).stripLeading();
            }
        }
        return tagged(header, rest);
    }

    private static Header tagged(ObjectNode header, String text) {
        String rest = text.startsWith(": ") ? text.substring(2).stripLeading() : text; // "host : msg", an empty tag
        if (rest.startsWith("%") || startsWithFormat(rest)) {
            return new Header(header, rest);
        }
        Matcher tag = TAG.matcher(rest);
        if (tag.find() && !tag.group(1).contains("=") && !tag.group(1).contains(",")) {
            header.put("app_name", tag.group(1));
            if (tag.group(2) != null && !tag.group(2).isEmpty()) {
                header.put("procid", tag.group(2));
            }
            return new Header(header, rest.substring(tag.end()));
        }
        return new Header(header, rest);
    }

    private static boolean startsWithFormat(String rest) {
        return rest.startsWith("CEF:") || rest.startsWith("LEEF:") || rest.startsWith("{");
    }

    /**
     * OCSF-free mapping of a syslog severity (0 emergency ... 7 debug) to OCSF severity_id: 0 Fatal, 1-2 Critical, 3
     * High, 4 Medium, 5 Low, 6-7 Informational; -1 or anything else: 0 (unknown).
     */
    public static int ocsfSeverity(int syslogSeverity) {
        return switch (syslogSeverity) {
            case 0 -> 6;
            case 1, 2 -> 5;
            case 3 -> 4;
            case 4 -> 3;
            case 5 -> 2;
            case 6, 7 -> 1;
            default -> 0;
        };
    }
}
