package dev.watchfloor.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves the sample data to the present: every field named {@code time} (RFC 3339, at any depth) is shifted by the same
 * amount, so gaps between events are kept and the newest record lands just before now.
 */
final class TimeShift {

    static final String FIELD = "time";

    private TimeShift() {
    }

    /** The latest {@code time} anywhere in the trees. */
    static Optional<Instant> latest(JsonNode... trees) {
        AtomicReference<Instant> latest = new AtomicReference<>();
        for (JsonNode tree : trees) {
            visit(tree, (owner, value) -> latest.accumulateAndGet(value.toInstant(),
                    (a, b) -> a == null || b.isAfter(a) ? b : a));
        }
        return Optional.ofNullable(latest.get());
    }

    /** Shifts every {@code time} in the tree in place, keeping each value's UTC offset. */
    static void shift(JsonNode tree, Duration offset) {
        visit(tree, (owner, value) -> owner.put(FIELD,
                value.plus(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }

    private static void visit(JsonNode node, BiConsumer<ObjectNode, OffsetDateTime> action) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode time = object.get(FIELD);
            if (time != null && time.isTextual()) {
                parse(time.asText()).ifPresent(value -> action.accept(object, value));
            }
            object.properties().forEach(entry -> visit(entry.getValue(), action));
        } else if (node.isArray()) {
            node.forEach(child -> visit(child, action));
        }
    }

    private static Optional<OffsetDateTime> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
