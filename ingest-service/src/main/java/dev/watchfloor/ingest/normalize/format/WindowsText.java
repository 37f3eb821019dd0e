package dev.watchfloor.ingest.normalize.format;

import java.util.List;

/**
 * Windows events as Event Viewer and Splunk render them as text: a date line, {@code Key=Value} header lines, and an
 * indented {@code Message} with {@code Label: value} sections. Read into the same shape as evtx_dump's JSON.
 */
public final class WindowsText {

    private WindowsText() {
    }

    /** Whether the body is rendered Windows events. */
    public static boolean looksLike(String body) {
        return false;
    }

    /** The body's events, each with its character offset. */
    public static List<Piece> records(String body) {
        return List.of();
    }
}
