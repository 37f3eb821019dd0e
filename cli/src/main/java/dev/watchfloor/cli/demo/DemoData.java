package dev.watchfloor.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.JsonHttp;

/**
 * The demo's sample telemetry and alerts ({@code /demo/events.json}, {@code /demo/alerts.json}), moved in time so that
 * the newest record happened a minute ago.
 */
record DemoData(JsonNode events, JsonNode alerts) {

    private static final Duration NEWEST_AGE = Duration.ofMinutes(1);

    static DemoData load(Instant now) {
        JsonNode events = resource("/demo/events.json");
        JsonNode alerts = resource("/demo/alerts.json");
        TimeShift.latest(events, alerts).ifPresent(latest -> {
            Duration offset = Duration.between(latest, now.minus(NEWEST_AGE)).truncatedTo(ChronoUnit.SECONDS);
            TimeShift.shift(events, offset);
            TimeShift.shift(alerts, offset);
        });
        return new DemoData(events, alerts);
    }

    byte[] eventsJson() {
        return bytes(events);
    }

    /** Each alert on its own, as a SIEM forwarding them one by one would send them: one request, one trace. */
    List<byte[]> eachAlertJson() {
        List<byte[]> each = new ArrayList<>();
        alerts.forEach(alert -> each.add(bytes(alert)));
        return each;
    }

    /** The alerts' titles, by index in the array. */
    List<String> alertTitles() {
        List<String> titles = new ArrayList<>();
        alerts.forEach(alert -> titles.add(alert.path("title").asText("(untitled)")));
        return titles;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return JsonHttp.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JsonHttp.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
