package dev.watchfloor.ingest.normalize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.IngestConfig;

/**
 * Normalizes a client-submitted JSON alert or event: the record is kept as sent; title, severity, source, time and
 * entities are derived from well-known fields. The time is read by {@link Timestamps} in the source's zone; a record
 * whose time is missing or unreadable is kept with the received time and a flag, never refused for it. Vendor formats
 * (CEF, syslog, OCSF mapping) arrive with the ingest issue behind the same interface.
 */
@ApplicationScoped
public class JsonNormalizer {

    private final Timestamps defaultTimes;
    private final Map<String, Timestamps> timesBySource = new HashMap<>();

    @jakarta.inject.Inject
    public JsonNormalizer(IngestConfig config) {
        this(config.time());
    }

    JsonNormalizer(IngestConfig.Time time) {
        this.defaultTimes = new Timestamps(time.defaultZone(), time.maxSkew());
        time.zones().forEach((source, zone) -> timesBySource.put(source, new Timestamps(zone, time.maxSkew())));
    }

    private static final List<String> TITLE_FIELDS = List.of("title", "summary", "name", "message", "event",
            "action");
    private static final List<String> TIME_FIELDS = List.of("time", "timestamp", "@timestamp", "observed_at");

    public NormalizedRecord normalize(JsonNode node, Instant receivedAt) {
        if (!node.isObject()) {
            throw ProblemException.badRequest("not-an-object", "each record must be a JSON object, got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode body = (ObjectNode) node;
        String source = text(body, List.of("source", "product", "vendor")).orElse("api");
        String title = text(body, TITLE_FIELDS).orElse("Untitled record from " + source);
        List<String> entities = new ArrayList<>(EntityExtractor.extract(body));
        Timestamps.Read time = time(body, source, receivedAt);
        String fingerprint = Fingerprints.of(source, title, entities);
        return new NormalizedRecord(truncate(title, 300), severity(body), truncate(source, 100),
                time, entities, fingerprint, body);
    }

    /** OCSF's own {@code severity_id} when it is a known id (1-6), else {@code severity} as a word or a number. */
    static int severity(ObjectNode body) {
        int ocsf = severityId(body.get("severity_id"));
        return ocsf > 0 ? ocsf : severityId(body.get("severity"));
    }

    /** OCSF severity_id: 0 unknown, 1 informational, 2 low, 3 medium, 4 high, 5 critical, 6 fatal. */
    static int severityId(JsonNode severity) {
        if (severity == null || severity.isNull() || severity.isContainerNode()) {
            return 0;
        }
        String text = severity.asText().trim();
        if (text.matches("[0-6]")) {
            return Integer.parseInt(text);
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "info", "informational" -> 1;
            case "low" -> 2;
            case "medium", "moderate" -> 3;
            case "high" -> 4;
            case "critical" -> 5;
            case "fatal" -> 6;
            default -> 0;
        };
    }

    private static java.util.Optional<String> text(ObjectNode body, List<String> fields) {
        return fields.stream().map(body::get).filter(v -> v != null && v.isTextual() && !v.asText().isBlank())
                .map(v -> v.asText().trim()).findFirst();
    }

    /** The first time field present, read in the source's zone (or the default); none: the received time, flagged. */
    private Timestamps.Read time(ObjectNode body, String source, Instant receivedAt) {
        Timestamps times = timesBySource.getOrDefault(source, defaultTimes);
        for (String field : TIME_FIELDS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isContainerNode()) {
                return times.read(value.asText(), value.isNumber(), receivedAt);
            }
        }
        return times.read(null, false, receivedAt);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
