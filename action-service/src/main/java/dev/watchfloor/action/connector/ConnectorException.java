package dev.watchfloor.action.connector;

/** A connector run that did not succeed; {@code retryable} says whether trying again may help. */
public class ConnectorException extends RuntimeException {

    private final boolean retryable;

    private ConnectorException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static ConnectorException retryable(String message, Throwable cause) {
        return new ConnectorException(message, true, cause);
    }

    public static ConnectorException permanent(String message) {
        return new ConnectorException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
