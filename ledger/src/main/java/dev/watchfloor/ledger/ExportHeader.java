package dev.watchfloor.ledger;

/** The first line of an export: which format, whose chain, and when it was written (RFC 3339 text). */
public record ExportHeader(String format, String tenant, String exportedAt) {
}
