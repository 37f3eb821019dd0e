package dev.watchfloor.contracts.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the closed sets of this package appear on the wire (JSON, proto strings, the database, policy documents): the
 * constant's name in lower case, e.g. {@code isolate_host}.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(wire)).findFirst();
    }

    /** Every wire name of the set, comma separated, for error messages. */
    public static String list(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    }
}
