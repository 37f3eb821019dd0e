package dev.watchfloor.ingest.normalize.format;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Windows events rendered as text, in the three renderings Windows tools produce, each read into the shape of
 * evtx_dump's JSON so one mapper reads them all:
 * <ul>
 * <li>Splunk's / the WinEventLog classic rendering: a date line ({@code 03/12/2021 10:48:14 AM}), {@code Key=Value}
 * header lines ({@code LogName}, {@code EventCode}, {@code ComputerName}, ...), and {@code Message=} followed by the
 * event's message;</li>
 * <li>Event Viewer's "Copy details as text": {@code Log Name:}, {@code Source:}, {@code Date:}, {@code Event ID:},
 * {@code Computer:} ... then {@code Description:} and the message (an {@code Event Xml:} part, when present, is read as
 * the event XML itself);</li>
 * <li>Event Viewer's "Details / Friendly View": {@code - System} with {@code Name value} lines and
 * {@code [ Attr] value} attributes, then {@code - EventData} with one {@code Name value} line per data item.</li>
 * </ul>
 * The header becomes {@code Event.System} ({@code EventID}, {@code Computer}, {@code Channel},
 * {@code Provider.#attributes.Name}, {@code TimeCreated.#attributes.SystemTime} as ISO local time,
 * {@code EventRecordID}, {@code Keywords}, other header keys as written). The message's first line is
 * {@code Event.Message}; its {@code Label: value} lines go to {@code Event.RenderedData}, under their section
 * ({@code Subject}, {@code New Logon}, ...) when indented below a {@code Section:} line, else at its top. Friendly-view
 * data lines, whose name and value only a space separates, are kept in order under {@code Event.RenderedLines}.
 */
public final class WindowsText {

    private static final Pattern DATE_LINE = Pattern
            .compile("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}(?: ?[AaPp][Mm])?");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9_ ]{0,40})=(.*)");
    private static final Pattern LABEL = Pattern.compile("([^:\\t]{1,80}?):(?:[ \\t]+(.*))?");
    private static final Pattern VIEWER = Pattern.compile("([A-Za-z][A-Za-z ]{1,20}):[ \\t]*(.*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\[ ?([A-Za-z]+)\\]\\s*(.*)");
    private static final Map<String, String> SYSTEM_NAMES = Map.ofEntries(Map.entry("eventcode", "EventID"),
            Map.entry("event id", "EventID"), Map.entry("computername", "Computer"), Map.entry("computer", "Computer"),
            Map.entry("logname", "Channel"), Map.entry("log name", "Channel"), Map.entry("recordnumber",
                    "EventRecordID"),
            Map.entry("keywords", "Keywords"), Map.entry("sourcename", "Provider"),
            Map.entry("source", "Provider"), Map.entry("providername", "Provider"), Map.entry("user", "UserID"),
            Map.entry("level", "Level"), Map.entry("task category", "TaskCategory"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ssa", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm:ss", Locale.ENGLISH));

    private WindowsText() {
    }

    /** Whether the body is rendered Windows events. */
    public static boolean looksLike(String body) {
        // asked of every text body and message: look at the first two lines without splitting the whole
        String head = body.length() > 4096 ? body.substring(0, 4096) : body;
        int end = head.indexOf('\n');
        if (end < 0) {
            return false;
        }
        String first = head.substring(0, end).strip();
        if (DATE_LINE.matcher(first).matches()) {
            int next = head.indexOf('\n', end + 1);
            return HEADER.matcher(head.substring(end + 1, next < 0 ? head.length() : next).strip()).matches();
        }
        return first.startsWith("Log Name:") && body.contains("Event ID:")
                || first.equals("- System") && body.contains("EventID");
    }

    /** The body's events, each with its character offset. */
    public static List<Piece> records(String body) {
        List<Integer> starts = starts(body);
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : body.length();
            String raw = body.substring(start, end).stripTrailing();
            try {
                pieces.add(Piece.read(start, new Parsed("text", fields(raw), raw, new ArrayList<>())));
            } catch (RuntimeException e) {
                pieces.add(Piece.quarantined(start, "unreadable rendered Windows event: " + e.getMessage(), raw));
            }
        }
        return pieces;
    }

    /** Where each event starts: a date line followed by a header, a {@code Log Name:} line, or a {@code - System}. */
    private static List<Integer> starts(String body) {
        List<Integer> starts = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean start = DATE_LINE.matcher(line).matches() && i + 1 < lines.length
                    && HEADER.matcher(lines[i + 1].strip()).matches()
                    || line.startsWith("Log Name:") || line.equals("- System");
            if (start || starts.isEmpty() && !line.isEmpty()) {
                starts.add(offset);
            }
            offset += lines[i].length() + 1;
        }
        return starts;
    }

    /** One rendered event (as a collector carries it in a string field), or null when it is not one. */
    public static ObjectNode parse(String text) {
        if (text == null || text.length() > 1_000_000 || !looksLike(text.strip())) {
            return null;
        }
        try {
            return fields(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ObjectNode fields(String raw) {
        String[] lines = raw.split("\r?\n", -1);
        String first = lines[0].strip();
        if (first.equals("- System")) {
            return friendly(lines);
        }
        int xml = raw.indexOf("Event Xml:");
        if (first.startsWith("Log Name:") && xml >= 0) {
            try {
                return XmlEvents.fields(raw.substring(raw.indexOf('<', xml)).strip());
            } catch (Exception e) {
                // fall back to the text part
            }
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        ObjectNode event = fields.putObject("Event");
        ObjectNode system = event.putObject("System");
        int i = 0;
        if (DATE_LINE.matcher(first).matches()) {
            time(system, first);
            i = 1;
        }
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("Description:") || line.equals("Event Xml:")) {
                i++;
                break;
            }
            Matcher header = HEADER.matcher(line);
            Matcher viewer = VIEWER.matcher(line);
            if (line.startsWith("Message=")) {
                event.put("Message", line.substring("Message=".length()).strip());
                i++;
                break;
            } else if (header.matches()) {
                header(system, header.group(1).strip(), header.group(2).strip());
            } else if (viewer.matches()) {
                header(system, viewer.group(1).strip(), viewer.group(2).strip());
            }
        }
        message(event, lines, i);
        return fields;
    }

    private static void header(ObjectNode system, String key, String value) {
        String name = SYSTEM_NAMES.getOrDefault(key.toLowerCase(Locale.ROOT), key);
        if (name.equals("Provider")) {
            system.putObject("Provider").putObject("#attributes").put("Name", value);
        } else if (key.equalsIgnoreCase("Date")) {
            time(system, value);
        } else {
            system.put(name, value);
        }
    }

    private static void time(ObjectNode system, String text) {
        String value = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDateTime at = LocalDateTime.parse(value.toUpperCase(Locale.ROOT), format);
                system.putObject("TimeCreated").putObject("#attributes").put("SystemTime", at.toString());
                return;
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        system.putObject("TimeCreated").putObject("#attributes").put("SystemTime", value);
    }

    /** The message from line {@code from}: its first line, and {@code Label: value} lines by section. */
    private static void message(ObjectNode event, String[] lines, int from) {
        ObjectNode data = event.putObject("RenderedData");
        ObjectNode section = null;
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals("Event Xml:")) {
                break;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!event.has("Message")) {
                event.put("Message", text);
                continue;
            }
            if (!indented && text.endsWith(":") && text.length() < 80) {
                section = data.putObject(text.substring(0, text.length() - 1).strip());
                continue;
            }
            Matcher label = LABEL.matcher(text);
            if (label.matches()) {
                ObjectNode into = indented && section != null ? section : data;
                if (!indented) {
                    section = null;
                }
                String value = label.group(2) == null ? "" : label.group(2).strip();
                into.put(label.group(1).strip(), value);
            }
        }
        if (data.isEmpty()) {
            event.remove("RenderedData");
        }
    }

    /** Event Viewer's friendly view: {@code - System} and {@code - EventData} blocks. */
    private static ObjectNode friendly(String[] lines) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        ObjectNode event = fields.putObject("Event");
        ObjectNode system = event.putObject("System");
        var data = event.putArray("RenderedLines");
        boolean inData = false;
        String element = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("- ") && !Character.isWhitespace(raw.charAt(0))) {
                inData = line.equals("- EventData") || line.equals("- UserData");
                continue;
            }
            if (inData) {
                data.add(line);
                continue;
            }
            String text = line.startsWith("- ") ? line.substring(2).strip() : line;
            Matcher attribute = ATTRIBUTE.matcher(text);
            if (attribute.matches() && element != null) {
                ObjectNode holder = system.get(element) instanceof ObjectNode o ? o : system.putObject(element);
                holder.with("#attributes").put(attribute.group(1), attribute.group(2).strip());
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            element = parts[0];
            if (element.equals("ProviderName")) {
                system.putObject("Provider").putObject("#attributes").put("Name", parts.length > 1 ? parts[1] : "");
                element = "Provider";
            } else if (element.equals("Guid") && system.has("Provider")) {
                ((ObjectNode) system.get("Provider").get("#attributes")).put("Guid",
                        parts.length > 1 ? parts[1] : "");
            } else if (parts.length > 1) {
                system.put(element, parts[1].strip());
            }
        }
        return fields;
    }
}
