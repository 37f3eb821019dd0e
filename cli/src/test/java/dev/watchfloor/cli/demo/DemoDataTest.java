package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final DemoData data = DemoData.load(NOW);

    @Test
    void newestRecordHappenedAMinuteAgo() {
        assertThat(TimeShift.latest(data.events(), data.alerts())).contains(NOW.minus(Duration.ofMinutes(1)));
    }

    @Test
    void alertsHaveTitleKnownSeverityAndSource() {
        assertThat(data.alerts().size()).isBetween(4, 5);
        data.alerts().forEach(alert -> {
            assertThat(alert.path("title").asText()).isNotBlank();
            assertThat(alert.path("severity").asText()).isIn("low", "medium", "high", "critical");
            assertThat(alert.path("source").asText()).isNotBlank();
            assertThat(alert.path("time").asText()).endsWith("Z");
        });
    }

    @Test
    void everyAlertSharesAnEntityWithTheEvents() {
        assertThat(data.events().size()).isBetween(35, 45);
        String events = data.events().toString();
        for (JsonNode alert : data.alerts()) {
            assertThat(entities(alert)).as(alert.path("title").asText()).anyMatch(events::contains);
        }
    }

    @Test
    void ipAddressesComeFromDocumentationRanges() {
        String all = data.events().toString() + data.alerts();
        List<String> ips = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b")
                .matcher(all);
        while (matcher.find()) {
            ips.add(matcher.group());
        }
        assertThat(ips).isNotEmpty().allMatch(ip -> ip.startsWith("192.0.2.") || ip.startsWith("198.51.100.")
                || ip.startsWith("203.0.113."));
    }

    private static List<String> entities(JsonNode alert) {
        Set<String> keys = Set.of("user", "host", "hostname", "src_ip", "destination_ip", "remote_ip", "sha256");
        List<String> values = new ArrayList<>();
        collect(alert, keys, values);
        return values;
    }

    private static void collect(JsonNode node, Set<String> keys, List<String> values) {
        node.properties().forEach(entry -> {
            if (keys.contains(entry.getKey()) && entry.getValue().isTextual()) {
                values.add(entry.getValue().asText());
            } else if (entry.getValue().isObject()) {
                collect(entry.getValue(), keys, values);
            }
        });
    }
}
