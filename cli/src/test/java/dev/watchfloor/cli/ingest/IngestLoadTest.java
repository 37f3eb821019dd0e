package dev.watchfloor.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.JsonHttp;

class IngestLoadTest {

    @Test
    void aBatchIsOneJsonObjectPerLineEachCarryingItsMarkerEvenWhenTheRunNeedsEscaping() throws Exception {
        String run = "run \"7\"\\x";

        List<String> lines = new String(IngestLoad.batch(run, 10, 5), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode event = JsonHttp.MAPPER.readTree(lines.get(i));
            assertThat(event.isObject()).isTrue();
            String escaped = JsonHttp.MAPPER.writeValueAsString(run + "-" + (10 + i));
            assertThat(lines.get(i)).contains(escaped.substring(1, escaped.length() - 1));
        }
    }

    @Test
    void everyEventsTimeIsOneTheNormalizerReads() throws Exception {
        for (String line : new String(IngestLoad.batch("t", 0, 5), StandardCharsets.UTF_8).lines().toList()) {
            JsonNode event = JsonHttp.MAPPER.readTree(line);
            String time = event.has("timestamp")
                    ? event.get("timestamp").asText()
                    : event.has("published")
                            ? event.get("published").asText()
                            : event.has("eventTime")
                                    ? event.get("eventTime").asText()
                                    : event.has("ts") ? event.get("ts").asText() : event.get("time").asText();
            assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6}\\+0000|Z)");
        }
    }

    @Test
    void anAlertIsAJsonObjectNamingItsMarker() throws Exception {
        JsonNode alert = JsonHttp.MAPPER.readTree(IngestLoad.alert("m-1"));

        assertThat(alert.path("title").asText()).isEqualTo("Suspicious sign-in m-1");
        assertThat(alert.path("host").asText()).isEqualTo("h-m-1");
    }
}
