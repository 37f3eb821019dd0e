package dev.watchfloor.ingest.normalize.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The title line of CERT NetSA SiLK's {@code rwcut} output (rwcut(1), {@code --fields}): the field names rwcut prints,
 * with the aliases and field numbers {@code --fields} accepts (case-insensitive), and the titles cut to their column's
 * width that columnar output prints ({@code pro}, {@code senso}, {@code initialF}), resolved by unique prefix. The
 * separator is the first character after the first title that cannot be part of one ({@code |} by default, any
 * {@code --column-separator}); a separator after the last title ({@code --no-final-delimiter} not given) is allowed.
 */
final class SilkTitles {

    /** rwcut's field names, each followed by the aliases and the number {@code --fields} accepts for it. */
    private static final List<List<String>> FIELDS = List.of(List.of("sIP", "1"), List.of("dIP", "2"),
            List.of("sPort", "3"), List.of("dPort", "4"), List.of("protocol", "proto", "pro", "5"),
            List.of("packets", "pkts", "6"), List.of("bytes", "7"), List.of("flags", "8"), List.of("sTime", "9"),
            List.of("duration", "dur", "10"), List.of("eTime", "11"), List.of("sensor", "sen", "12"),
            List.of("in", "13"), List.of("out", "14"), List.of("nhIP", "15"), List.of("sType", "16"),
            List.of("dType", "17"), List.of("scc", "18"), List.of("dcc", "19"), List.of("class", "cla", "20"),
            List.of("type", "21"), List.of("sTime+msec", "22"), List.of("eTime+msec", "23"),
            List.of("dur+msec", "24"), List.of("icmpTypeCode", "25"), List.of("initialFlags", "26"),
            List.of("sessionFlags", "27"), List.of("attributes", "28"), List.of("application", "29"),
            List.of("iType"), List.of("iCode"));
    private static final Map<String, String> BY_ALIAS = new HashMap<>();
    static final int MAX_LINE = 8192;
    private static final int MAX_TITLES = 128;
    private static final int MIN_PREFIX = 3;

    static {
        for (List<String> field : FIELDS) {
            field.forEach(alias -> BY_ALIAS.put(alias.toLowerCase(Locale.ROOT), field.get(0)));
        }
    }

    private SilkTitles() {
    }

    /**
     * The fields a title line names (rwcut's names; other titles, from plug-ins or prefix maps, as written), or null
     * when the line is not one: at least three titles rwcut knows, {@code sIP} or {@code dIP} among them by name, and
     * no more unknown titles than known ones.
     */
    static Header header(String line) {
        String text = line.strip();
        if (text.length() > MAX_LINE) {
            return null;
        }
        int first = 0;
        while (first < text.length() && titleChar(text.charAt(first))) {
            first++;
        }
        int at = first;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        if (first == 0 || at >= text.length() || Character.isLetterOrDigit(text.charAt(at))) {
            return null;
        }
        char separator = text.charAt(at);
        String cut = text.charAt(text.length() - 1) == separator ? text.substring(0, text.length() - 1) : text;
        String[] titles = SilkText.split(cut, separator);
        if (titles.length < 3 || titles.length > MAX_TITLES) {
            return null;
        }
        String[] names = new String[titles.length];
        int known = 0;
        boolean address = false;
        for (int i = 0; i < titles.length; i++) {
            String title = titles[i];
            if (title.isEmpty() || !title.chars().allMatch(c -> titleChar((char) c))) {
                return null;
            }
            String name = name(title);
            if (name != null) {
                known++;
                // by name: a line of numbers ("1|2|3|") is a record, not titles given as field numbers
                address |= (name.equals("sIP") || name.equals("dIP")) && !Character.isDigit(title.charAt(0));
            }
            names[i] = name != null ? name : title;
        }
        return known >= 3 && address && known * 2 >= names.length ? new Header(names, separator) : null;
    }

    /** rwcut's name of a title: by name, alias or number, else by unique prefix of a name (a cut title). */
    static String name(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        String exact = BY_ALIAS.get(lower);
        if (exact != null || lower.length() < MIN_PREFIX) {
            return exact;
        }
        String found = null;
        for (List<String> field : FIELDS) {
            if (field.get(0).toLowerCase(Locale.ROOT).startsWith(lower)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = field.get(0);
            }
        }
        return found;
    }

    private static boolean titleChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '_');
    }

    /** The fields of a title line and the character between columns. */
    record Header(String[] names, char separator) {
    }
}
