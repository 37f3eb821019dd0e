package dev.watchfloor.ingest.normalize;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Regular expressions compiled once. {@code String.matches} compiles its pattern on every call, and the parsers and
 * mappers test every record against a few dozen: {@code text.transform(Regexes.matches("\\d+"))} tests with a pattern
 * compiled the first time it is asked for.
 */
public final class Regexes {

    private static final ConcurrentMap<String, Function<String, Boolean>> MATCHERS = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** A test that the whole text matches {@code regex}. */
    public static Function<String, Boolean> matches(String regex) {
        return MATCHERS.computeIfAbsent(regex, r -> {
            Pattern pattern = Pattern.compile(r);
            return text -> pattern.matcher(text).matches();
        });
    }
}
