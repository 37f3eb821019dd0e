package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.command.DurationConverter;

class BenchInvestigationsCommandTest {

    @Test
    void percentilesAreNearestRankOverTheSortedValues() {
        assertThat(InvestigationBench.percentiles(List.of(5L, 1L, 4L, 2L, 3L)))
                .containsEntry("p50", 3L).containsEntry("p95", 5L).containsEntry("max", 5L);
        assertThat(InvestigationBench.percentiles(List.of())).containsEntry("p50", 0L);
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        DurationConverter d = new DurationConverter();
        assertThat(d.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(d.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theStandInModelAnswersTheChatCompletionsProtocolWithAnAssessmentAfterItsDelay() throws Exception {
        try (StandInModel model = StandInModel.start(Duration.ofMillis(200))) {
            long start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(model.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JsonHttp.MAPPER.readTree(response.body());
            JsonNode answer = JsonHttp.MAPPER.readTree(body.path("choices").path(0).path("message").path("content")
                    .asText());
            assertThat(answer.path("verdict").asText()).isEqualTo("suspicious");
            assertThat(answer.path("findings").path(0).path("evidenceIds").path(0).asText()).isEqualTo("ev-1");
            assertThat(body.path("usage").path("prompt_tokens").asInt()).isPositive();
            assertThat(model.calls()).isEqualTo(1);
        }
    }
}
