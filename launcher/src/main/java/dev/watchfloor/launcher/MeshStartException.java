package dev.watchfloor.launcher;

import java.nio.file.Path;
import java.util.List;

/** The mesh could not start; the message says which service and why, with the end of its log when there is one. */
public class MeshStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MeshStartException(String message) {
        super(message);
    }

    public MeshStartException(String message, Throwable cause) {
        super(message, cause);
    }

    static MeshStartException withLog(String message, Path logFile, List<String> tail) {
        StringBuilder text = new StringBuilder(message);
        text.append(System.lineSeparator()).append("last ").append(tail.size()).append(" lines of ").append(logFile)
                .append(':');
        tail.forEach(line -> text.append(System.lineSeparator()).append("  | ").append(line));
        return new MeshStartException(text.toString());
    }
}
