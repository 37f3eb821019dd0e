package dev.watchfloor.cli.command;

import picocli.CommandLine.Option;

/** {@code -o, --output table|json}, mixed into every command that prints records. */
public final class OutputOption {

    /** How records are printed. */
    public enum Format {
        TABLE, JSON
    }

    @Option(names = {"-o",
            "--output"}, paramLabel = "FORMAT", description = "table (default) or json: pretty-printed JSON for scripts")
    private Format format = Format.TABLE;

    public boolean json() {
        return format == Format.JSON;
    }
}
