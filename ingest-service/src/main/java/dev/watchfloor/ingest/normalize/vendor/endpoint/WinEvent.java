package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * One Windows event, whichever rendering it came in, read by its documented names: the {@code System} values (event id,
 * provider, channel, computer, time, keywords) and the event data by {@code <Data Name>} ({@code SubjectUserName},
 * {@code NewProcessName}, ...).
 *
 * <p>
 * Renderings read: evtx_dump JSON and Windows event XML ({@code Event.System}, {@code Event.EventData},
 * {@code Event.UserData.<element>}); rendered text as {@code format/WindowsText} gives it ({@code Event.RenderedData}
 * sections, read through {@link WinLabels}; {@code Event.RenderedLines}); Winlogbeat / Elastic Agent ECS
 * ({@code winlog.event_id}, {@code winlog.event_data}, {@code winlog.user_data}, {@code winlog.computer_name}); NXLog
 * {@code im_msvistalog} JSON ({@code EventID}, {@code Hostname}, {@code SourceName}, data keys at the top); Splunk's
 * JSON rendering ({@code EventCode}, {@code ComputerName}); and flat exports carrying the data under {@code EventData}
 * or {@code ExtraEventData}.
 */
final class WinEvent {

    private final Source in;
    private final List<String> dataPrefixes = new ArrayList<>();
    private final boolean flat;
    /** Whether the event came as rendered text (its labels are tried only then: a miss costs every label's paths). */
    private final boolean rendered;

    private WinEvent(Source in) {
        this.in = in;
        this.rendered = in.peek("Event.RenderedData") != null;
        JsonNode event = in.peek("Event.System");
        if (event != null && event.isObject()) {
            flat = false;
            dataPrefixes.add("Event.EventData.");
            JsonNode userData = in.peek("Event.UserData");
            if (userData != null && userData.isObject()) {
                for (Iterator<String> names = userData.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!name.startsWith("#") && userData.get(name).isObject()) {
                        dataPrefixes.add("Event.UserData." + name + ".");
                    }
                }
            }
        } else if (in.peek("winlog") != null && in.peek("winlog").isObject()) {
            flat = false;
            dataPrefixes.add("winlog.event_data.");
            dataPrefixes.add("winlog.user_data.");
        } else {
            flat = true;
            dataPrefixes.add("EventData.");
            dataPrefixes.add("ExtraEventData.");
            dataPrefixes.add("event_data.");
            dataPrefixes.add("user_data.");
            dataPrefixes.add("");
        }
    }

    static WinEvent of(Source in) {
        return new WinEvent(in);
    }

    /** Whether a record is a Windows event in one of the renderings read here (peeks only; never throws). */
    static boolean looksLike(Source in) {
        JsonNode system = in.peek("Event.System");
        if (system != null && system.isObject()) {
            return system.has("EventID") || system.has("EventCode");
        }
        JsonNode winlog = in.peek("winlog");
        if (winlog != null && winlog.isObject()) {
            return winlog.has("event_id") && (winlog.has("channel") || winlog.has("provider_name"));
        }
        boolean id = in.peekText("EventID") != null || in.peekText("EventCode") != null
                || in.peekText("event_id") != null;
        boolean origin = in.peekText("SourceName") != null || in.peekText("ProviderName") != null
                || in.peekText("Channel") != null || in.peekText("LogName") != null
                || in.peekText("source_name") != null || in.peekText("log_name") != null;
        boolean host = in.peekText("Hostname") != null || in.peekText("Computer") != null
                || in.peekText("ComputerName") != null || in.peekText("computer_name") != null;
        return id && origin && host;
    }

    Source in() {
        return in;
    }

    /** The event id, or -1. */
    int id() {
        for (String path : List.of("Event.System.EventID.#text", "Event.System.EventID", "Event.System.EventCode",
                "winlog.event_id", "EventID", "EventCode", "event_id")) {
            JsonNode value = in.peek(path);
            if (value != null && value.isValueNode() && value.asText().strip().transform(Regexes.matches("\\d{1,6}"))) {
                in.use(path);
                return Integer.parseInt(value.asText().strip());
            }
        }
        return -1;
    }

    String provider() {
        return in.text("Event.System.Provider.#attributes.Name", "winlog.provider_name", "SourceName",
                "ProviderName", "Provider", "source_name");
    }

    String channel() {
        return in.text("Event.System.Channel", "winlog.channel", "Channel", "LogName", "log_name");
    }

    String computer() {
        return in.text("Event.System.Computer", "winlog.computer_name", "Hostname", "Computer", "ComputerName",
                "computer_name", "host.name");
    }

    String recordId() {
        return in.text("Event.System.EventRecordID", "winlog.record_id", "RecordNumber", "EventRecordID");
    }

    /** The time as written: SystemTime, or a flat rendering's time field. */
    String time() {
        String text = in.text("Event.System.TimeCreated.#attributes.SystemTime", "Event.System.TimeCreated",
                "@timestamp", "EventTime", "TimeCreated", "TimeGenerated", "timestamp", "_time");
        // "2024-01-15 10:30:45 +0000": the offset joined to the time so an ISO reader takes it
        return text == null ? null : text.replaceFirst("^(\\S+ \\S+) ([+-]\\d{2}:?\\d{2})$", "$1$2");
    }

    /** The security identifier of the logging account (System/Security/@UserID). */
    String securityUserId() {
        return in.text("Event.System.Security.#attributes.UserID", "winlog.user.identifier", "UserID");
    }

    /** Whether the event is an audit failure (keywords bit 0x0010000000000000, or the words). */
    boolean auditFailure() {
        return audit(0x0010_0000_0000_0000L, "audit failure", "audit_failure")
                || "\"failure\"".equals(String.valueOf(in.peek("event.outcome")))
                || "\"failure\"".equals(String.valueOf(in.peek("winlog.outcome")));
    }

    /** Whether the event carries the audit-success keyword (bit 0x0020000000000000, or the words). */
    boolean auditSuccess() {
        return audit(0x0020_0000_0000_0000L, "audit success", "audit_success");
    }

    /** The keywords as a bit mask (hex as XML writes it, or NXLog's signed decimal) or as words. */
    private boolean audit(long bit, String... words) {
        for (String path : List.of("Event.System.Keywords", "Keywords", "winlog.keywords", "EventType")) {
            JsonNode value = in.peek(path);
            if (value == null) {
                continue;
            }
            Long bits = value.isIntegralNumber() ? Long.valueOf(value.asLong()) : keywordBits(value.asText().strip());
            if (bits != null && !path.equals("EventType")) {
                return (bits & bit) != 0;
            }
            String text = value.toString().toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (text.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Long keywordBits(String text) {
        try {
            if (text.transform(Regexes.matches("0[xX][0-9a-fA-F]{1,16}"))) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (text.transform(Regexes.matches("-?\\d{1,20}"))) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The event level (0-5), or -1. */
    int level() {
        Long level = in.number("Event.System.Level", "Level", "winlog.level");
        return level == null || level < 0 || level > 5 ? -1 : level.intValue();
    }

    /** The rendered message, when the rendering carries one. */
    String message() {
        return in.text("Event.RenderingInfo.Message", "Event.Message", "message", "Message");
    }

    /** An event data value by its documented name; "-" and blank count as absent (and are marked read). */
    String data(String name) {
        String value = raw(name);
        return value == null || value.equals("-") || value.isBlank() ? null : value;
    }

    /** An event data value as written ("-" kept), marked read; null when absent. */
    String raw(String name) {
        for (String prefix : dataPrefixes) {
            if (prefix.isEmpty() && !flat) {
                continue;
            }
            String value = in.text(prefix + name);
            if (value != null) {
                return value;
            }
        }
        for (String path : rendered ? WinLabels.paths(name) : List.<String>of()) {
            String value = in.text("Event.RenderedData." + path);
            if (value != null) {
                return value;
            }
        }
        return flat ? splunk(name) : line(name);
    }

    /**
     * A value as Splunk's Windows add-on extracts it from the rendered message ({@code Account_Name},
     * {@code Logon_Type}, ...): a label the message repeats (the subject's and the target's {@code Account_Name}) is a
     * list, the subject first.
     */
    private String splunk(String name) {
        WinLabels.Splunk field = WinLabels.splunk(name);
        if (field == null) {
            return null;
        }
        JsonNode value = in.peek(field.name());
        if (value != null && value.isArray()) {
            int index = field.target() ? 1 : 0;
            if (index < value.size() && value.get(index).isValueNode()) {
                in.use(field.name() + "." + index);
                return value.get(index).asText().strip();
            }
            return null;
        }
        return in.text(field.name());
    }

    /** The first present data value of several names. */
    String data(String... names) {
        for (String name : names) {
            String value = data(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** An Event Viewer friendly-view line {@code Name value} (name and value only a space apart). */
    private String line(String name) {
        JsonNode lines = in.peek("Event.RenderedLines");
        if (lines == null || !lines.isArray()) {
            return null;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).asText();
            if (line.equals(name) || line.startsWith(name + " ")) {
                in.use("Event.RenderedLines." + i);
                String value = line.substring(name.length()).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** A data value that is a number written in decimal or as 0x hex (Windows process and logon ids). */
    Long number(String name) {
        return parseNumber(data(name));
    }

    static Long parseNumber(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.transform(Regexes.matches("0[xX][0-9a-fA-F]{1,15}"))) {
                return Long.parseLong(v.substring(2), 16);
            }
            if (v.transform(Regexes.matches("-?\\d{1,18}"))) {
                return Long.parseLong(v);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
