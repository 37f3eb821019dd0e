package dev.watchfloor.ledger;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads an export one line at a time, so that a file of any length is never held in memory. Every line must be exactly
 * one JSON object of the format (no unknown members, no duplicate names, nothing after the object); a line that is not
 * is a {@link MalformedExportException} naming its line number. Closing the reader closes its input.
 */
public final class ExportReader implements Closeable {

    private final LineSource lines;
    private final ExportHeader header;

    ExportReader(LineSource lines) throws IOException {
        this.lines = lines;
        if (!lines.advance()) {
            throw new MalformedExportException(1, "the export is empty; it must start with a header line");
        }
        this.header = ExportLine.header(lines);
    }

    public ExportHeader header() {
        return header;
    }

    /** The next entry or checkpoint, or null at the end of the export. */
    public ExportItem next() throws IOException {
        return lines.advance() ? ExportLine.item(lines) : null;
    }

    /** The number of the line last read (the header is line 1). */
    public long lineNumber() {
        return lines.number();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
