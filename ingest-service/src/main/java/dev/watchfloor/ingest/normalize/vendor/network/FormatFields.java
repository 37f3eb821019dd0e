package dev.watchfloor.ingest.normalize.vendor.network;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * What the generic CEF and LEEF mappers share: the 0-10 severity scale of both formats, the class chosen from the
 * event's name and category, the action word as a disposition, and file hashes told apart by length.
 */
final class FormatFields {

    private static final Pattern AUTH = Pattern.compile(
            "(?i).*\\b(log ?on|log ?in|log ?off|log ?out|sign ?in|sign ?out|authenticat\\w*|auth)\\b.*");
    private static final Pattern LOGOFF = Pattern.compile("(?i).*\\b(log ?off|log ?out|sign ?out)\\b.*");
    private static final Pattern FAILED = Pattern.compile("(?i).*\\b(fail\\w*|denied|reject\\w*|invalid|bad)\\b.*");

    private static final Pattern ZONED = Pattern.compile(
            "[A-Za-z]{3} \\d{1,2} \\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{3})? [A-Za-z][A-Za-z/_+\\-0-9]{1,40}");
    private static final java.time.format.DateTimeFormatter ZONED_FORMAT = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("MMM d yyyy HH:mm:ss[.SSS] ").appendZoneText(
                    java.time.format.TextStyle.SHORT)
            .toFormatter(Locale.ENGLISH);

    private FormatFields() {
    }

    /** CEF and LEEF severity (0-10, or CEF's words) to OCSF: 0-3 Low, 4-6 Medium, 7-8 High, 9-10 Critical. */
    static int severity(String value) {
        if (value == null) {
            return 0;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.transform(Regexes.matches("\\d{1,2}"))) {
            int n = Integer.parseInt(v);
            return n <= 3 ? 2 : n <= 6 ? 3 : n <= 8 ? 4 : n <= 10 ? 5 : 0;
        }
        return switch (v) {
            case "low" -> 2;
            case "medium" -> 3;
            case "high" -> 4;
            case "very-high", "very high", "critical" -> 5;
            default -> 0;
        };
    }

    /**
     * Classifies by the event's words: authentication words give Authentication, an alert a Detection Finding, a record
     * with endpoints Network Activity (Refuse when the action blocked it), else a Base Event.
     */
    static void classify(OcsfEvent out, MapContext ctx, String words, String outcome, Integer disposition) {
        String text = words == null ? "" : words;
        if (AUTH.matcher(text).matches()) {
            boolean logoff = LOGOFF.matcher(text).matches();
            out.classify(OcsfClass.AUTHENTICATION, logoff ? 2 : 1, logoff ? "Logoff" : "Logon");
            out.status(status(outcome, FAILED.matcher(text).matches()));
            if (!out.has("user.name") && out.has("actor.user.name")) {
                out.set("user.name", out.text("actor.user.name"));
                out.node().with("actor").remove("user");
                if (out.node().get("actor").isEmpty()) {
                    out.node().remove("actor");
                }
            }
            return;
        }
        if (ctx.alert()) {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        } else if (out.has("src_endpoint.ip") || out.has("dst_endpoint.ip") || out.has("src_endpoint.hostname")
                || out.has("dst_endpoint.hostname")) {
            boolean blocked = disposition != null && disposition == 2;
            Traffic.classify(out, blocked ? Traffic.REFUSE : Traffic.TRAFFIC);
        } else {
            out.classify(OcsfClass.BASE_EVENT, 0, "Unknown");
        }
        if (outcome != null) {
            out.status(status(outcome, false));
        }
    }

    private static int status(String outcome, boolean failedWords) {
        if (outcome != null) {
            String o = outcome.toLowerCase(Locale.ROOT);
            if (o.startsWith("succe") || o.equals("ok") || o.equals("allowed")) {
                return 1;
            }
            if (o.startsWith("fail") || o.equals("denied") || o.equals("blocked")) {
                return 2;
            }
            return 99;
        }
        return failedWords ? 2 : 1;
    }

    private static final String[] ALLOWED = {"allow", "accept", "permit", "pass", "success"};
    private static final String[] BLOCKED = {"block", "deny", "denied", "drop", "reject", "prevent", "quarantin",
            "reset"};

    private static boolean containsAny(String text, String[] words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The action word as OCSF disposition: 1 Allowed, 2 Blocked, 99 Other; null when there is none. */
    static Integer disposition(OcsfEvent out, String action) {
        if (action == null) {
            return null;
        }
        String a = action.toLowerCase(Locale.ROOT);
        int id = containsAny(a, ALLOWED) ? 1 : containsAny(a, BLOCKED) ? 2 : 99;
        out.set("disposition_id", (long) id);
        out.set("disposition", id == 1 ? "Allowed" : id == 2 ? "Blocked" : "Other");
        return id;
    }

    /** A file hash, its algorithm told by its length (32 MD5, 40 SHA-1, 64 SHA-256, 128 SHA-512). */
    static void hash(OcsfEvent out, String path, String value) {
        if (value == null || !value.transform(Regexes.matches("[0-9A-Fa-f]{32,128}"))) {
            return;
        }
        String[] algorithm = switch (value.length()) {
            case 32 -> new String[]{"1", "MD5"};
            case 40 -> new String[]{"2", "SHA-1"};
            case 64 -> new String[]{"3", "SHA-256"};
            case 128 -> new String[]{"4", "SHA-512"};
            default -> null;
        };
        if (algorithm != null) {
            var hash = out.append(path);
            hash.put("algorithm_id", Integer.parseInt(algorithm[0]));
            hash.put("algorithm", algorithm[1]);
            hash.put("value", value.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * {@code Mmm dd yyyy HH:mm:ss[.SSS] ZONE} (CEF's documented {@code rt} form with a zone) as ISO-8601; other text as
     * it is.
     */
    static String withZone(String text) {
        if (!ZONED.matcher(text).matches()) {
            return text;
        }
        try {
            return java.time.ZonedDateTime.parse(text, ZONED_FORMAT).toOffsetDateTime().toString();
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** The first of the paths whose time reads; else the syslog header's time; else none (received time). */
    static void time(Source in, OcsfEvent out, MapContext ctx, String... paths) {
        for (String path : paths) {
            String text = in.peekText(path);
            if (text != null) {
                var read = ctx.time(withZone(text));
                if (!read.flags().contains(dev.watchfloor.ingest.normalize.Timestamps.Flag.UNREADABLE)) {
                    in.use(path);
                    out.time(read);
                    return;
                }
            }
        }
        String header = in.text("syslog.timestamp");
        if (header != null) {
            out.time(ctx.time(header));
        }
    }
}
