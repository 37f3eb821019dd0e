package dev.watchfloor.cli;

/** The command line is wrong: print the message and the usage, exit 2. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
