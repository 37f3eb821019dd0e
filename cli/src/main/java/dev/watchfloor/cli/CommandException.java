package dev.watchfloor.cli;

/** A command could not do its job for a reason the user can act on; the message says which. Exit 1. */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
