package dev.watchfloor.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads an export one line at a time, so that a file of any length is never held in memory. Every line must be exactly
 * one JSON object of the format (no unknown members, no duplicate names, nothing else on the line); a line that is not
 * is a {@link MalformedExportException} naming its line number. One streaming parser reads the whole input and the
 * lines are told apart by where its objects start and end (JSON strings cannot hold a raw newline); a parser per line
 * would cost a third of the time of verification. Closing the reader closes its input.
 */
public final class ExportReader implements Closeable {

    private final JsonParser parser;
    private final ExportHeader header;
    private long line;

    private ExportReader(JsonParser parser) throws IOException {
        this.parser = parser;
        if (!nextLine()) {
            throw new MalformedExportException(1, "the export is empty; it must start with a header line");
        }
        this.header = ExportLine.header(parser, line);
    }

    static ExportReader of(InputStream in) throws IOException {
        return new ExportReader(StrictJson.EXPORT_LINES.createParser(in));
    }

    static ExportReader of(Reader in) throws IOException {
        return new ExportReader(StrictJson.EXPORT_LINES.createParser(in));
    }

    public ExportHeader header() {
        return header;
    }

    /** The next entry or checkpoint, or null at the end of the export. */
    public ExportItem next() throws IOException {
        return nextLine() ? ExportLine.item(parser, line) : null;
    }

    /** The number of the line last read (the header is line 1). */
    public long lineNumber() {
        return line;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Moves to the object that must start the next line; false at the end of the input. */
    private boolean nextLine() throws IOException {
        long expected = line + 1;
        JsonToken token;
        try {
            token = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new MalformedExportException(lineOf(e, expected), "is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (token == null) {
            return false;
        }
        long at = parser.currentTokenLocation().getLineNr();
        if (at < expected) {
            throw new MalformedExportException(line, "is not valid JSON: more after the object");
        }
        if (at > expected) {
            throw new MalformedExportException(expected, "is empty; every line is one JSON object");
        }
        line = at;
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedExportException(line, "must be a JSON object");
        }
        return true;
    }

    static long lineOf(JsonProcessingException e, long fallback) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? fallback : e.getLocation().getLineNr();
    }
}
