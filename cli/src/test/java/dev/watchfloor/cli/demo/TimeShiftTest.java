package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.JsonHttp;

class TimeShiftTest {

    @Test
    void findsTheLatestTimeAtAnyDepth() throws Exception {
        JsonNode tree = json(
                "[{\"time\":\"2025-11-20T08:00:00Z\",\"login\":{\"time\":\"2025-11-20T09:30:00+01:00\"}}]");

        assertThat(TimeShift.latest(tree)).contains(Instant.parse("2025-11-20T08:30:00Z"));
    }

    @Test
    void shiftsEveryTimeKeepingGapsOffsetsAndOtherFields() throws Exception {
        JsonNode tree = json("""
                [{"time":"2025-11-20T08:00:00Z","user":"alice.w"},
                 {"time":"2025-11-20T09:00:00+02:00","nested":{"time":"2025-11-20T08:10:00Z"},"timeout":"5s"},
                 {"time":"not a time"}]""");

        TimeShift.shift(tree, Duration.ofDays(2).plusMinutes(1));

        assertThat(tree.get(0).get("time").asText()).isEqualTo("2025-11-22T08:01:00Z");
        assertThat(tree.get(0).get("user").asText()).isEqualTo("alice.w");
        assertThat(tree.get(1).get("time").asText()).isEqualTo("2025-11-22T09:01:00+02:00");
        assertThat(tree.get(1).at("/nested/time").asText()).isEqualTo("2025-11-22T08:11:00Z");
        assertThat(tree.get(1).get("timeout").asText()).isEqualTo("5s");
        assertThat(tree.get(2).get("time").asText()).isEqualTo("not a time");
    }

    private static JsonNode json(String text) throws Exception {
        return JsonHttp.MAPPER.readTree(text);
    }
}
