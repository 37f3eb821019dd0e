package dev.watchfloor.ledger;

import java.io.IOException;

/** A line of an export that is not what the format says; the message starts with "line N: ". */
public final class MalformedExportException extends IOException {

    private final long line;

    public MalformedExportException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public MalformedExportException(long line, String problem, Throwable cause) {
        super("line " + line + ": " + problem, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
