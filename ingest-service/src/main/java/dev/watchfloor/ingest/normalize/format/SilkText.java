package dev.watchfloor.ingest.normalize.format;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Flow records printed by CERT NetSA SiLK's {@code rwcut} (rwcut(1)): a title line naming the fields
 * ({@link SilkTitles}), then one record per line, columns padded with spaces and separated by {@code |} (the default,
 * with a separator after the last column too), or by another character ({@code --delimited=,} gives CSV without padding
 * or final separator). Each record's fields are named as rwcut names them ({@code sIP}, {@code sTime+msec}, ...) with
 * the values as text, padding removed; empty values are left out. A title line in the middle (outputs joined) starts a
 * new table. A line with another number of columns than its title line is quarantined, with the title line before it in
 * its raw text, so that a replay can read it. Lines before the first title line cannot be read without it and are
 * quarantined too (the body was recognised by its first line, so there are none unless it is blank).
 */
public final class SilkText {

    private SilkText() {
    }

    /**
     * Whether the text at {@code from} starts with an rwcut title line (checked cheaply first: every title line names
     * an IP).
     */
    public static boolean looksLike(String text, int from) {
        int nl = text.indexOf('\n', from);
        int end = nl < 0 ? text.length() : nl;
        if (end - from > SilkTitles.MAX_LINE) {
            return false;
        }
        String first = text.substring(from, end);
        if (first.indexOf("IP") < 0 && first.indexOf("ip") < 0 && first.indexOf("Ip") < 0) {
            return false;
        }
        return SilkTitles.header(first) != null;
    }

    /** The table's records, each with its character offset in the body. */
    public static List<Piece> records(String body) {
        List<Piece> pieces = new ArrayList<>();
        SilkTitles.Header[] header = {null}; // the latest title line and its text
        String[] titleLine = {null};
        BodyLines.each(body, 0, (line, offset) -> {
            SilkTitles.Header next = line.isBlank() ? null : SilkTitles.header(line);
            if (next != null) {
                header[0] = next;
                titleLine[0] = line;
            } else if (!line.isBlank()) {
                pieces.add(header[0] == null
                        ? Piece.quarantined(offset, "rwcut record before any title line", line)
                        : record(header[0], titleLine[0], line, offset));
            }
            return true;
        });
        return pieces;
    }

    private static Piece record(SilkTitles.Header header, String titleLine, String line, int offset) {
        String[] values = split(line, header.separator());
        String[] names = header.names();
        int count = values.length == names.length + 1 && values[names.length].isEmpty() ? names.length : values.length;
        if (count != names.length) {
            return Piece.quarantined(offset, "rwcut record has " + count + " columns, its title line names "
                    + names.length, titleLine + "\n" + line);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < names.length; i++) {
            if (!values[i].isEmpty() && !fields.has(names[i])) {
                fields.put(names[i], values[i]); // a field named twice (--fields=2,1-12) has the same value
            }
        }
        return Piece.read(offset, new Parsed("tsv", fields, line, new ArrayList<>()));
    }

    /** The columns of a line, padding removed (rwcut does not quote: a separator never occurs in a value). */
    static String[] split(String line, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == separator) {
                parts.add(line.substring(start, i).strip());
                start = i + 1;
            }
        }
        return parts.toArray(String[]::new);
    }
}
