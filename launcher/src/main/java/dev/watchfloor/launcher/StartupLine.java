package dev.watchfloor.launcher;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the start-up time Quarkus reports, as in {@code "... (powered by Quarkus 3.30.6) started in 1.234s. ..."}. */
final class StartupLine {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s\\.");

    private StartupLine() {
    }

    /** The seconds of the last such line in the text, if any. */
    static OptionalDouble seconds(String logText) {
        Matcher matcher = STARTED_IN.matcher(logText);
        OptionalDouble found = OptionalDouble.empty();
        while (matcher.find()) {
            found = OptionalDouble.of(Double.parseDouble(matcher.group(1)));
        }
        return found;
    }
}
