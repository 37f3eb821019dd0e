package dev.watchfloor.ingest.normalize.format;

/**
 * One record found in a request body: read ({@code parsed}), or quarantined with the reason it could not be read.
 *
 * @param offset
 *            the byte offset in the (decompressed) body where the record starts
 */
public record Piece(long offset, Parsed parsed, String reason, String raw) {

    public static Piece read(long offset, Parsed parsed) {
        return new Piece(offset, parsed, null, parsed.raw());
    }

    public static Piece quarantined(long offset, String reason, String raw) {
        return new Piece(offset, null, reason, raw);
    }

    public boolean isQuarantined() {
        return parsed == null;
    }
}
