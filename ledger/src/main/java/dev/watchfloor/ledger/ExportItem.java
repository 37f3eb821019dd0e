package dev.watchfloor.ledger;

/** One line of an export after the header, with its line number (the header is line 1). */
public sealed interface ExportItem {

    long line();

    record EntryLine(long line, AuditRecord entry) implements ExportItem {
    }

    record CheckpointLine(long line, Checkpoint checkpoint) implements ExportItem {
    }
}
