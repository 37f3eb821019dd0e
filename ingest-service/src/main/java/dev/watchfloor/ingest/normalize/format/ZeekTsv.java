package dev.watchfloor.ingest.normalize.format;

import java.util.List;

/** Zeek's TSV logs: {@code #separator}, {@code #fields} and {@code #types} header lines, then one record per line. */
public final class ZeekTsv {

    private ZeekTsv() {
    }

    /** Whether the body is a Zeek TSV log (it starts with {@code #separator}). */
    public static boolean looksLike(String body) {
        return false;
    }

    /** The log's records, each with its character offset; fields named as in Zeek's JSON logs. */
    public static List<Piece> records(String body) {
        return List.of();
    }
}
