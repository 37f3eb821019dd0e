package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StandInModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersTheChatCompletionsProtocolWithItsAssessmentAfterItsDelay() throws Exception {
        Map<String, Object> ticket = Map.of("type", "open_ticket", "target", "t1", "justification", "track it",
                "evidenceIds", List.of("ev-1"));
        try (StandInModel model = StandInModel.start(Duration.ofMillis(200),
                StandInModel.assessment("malicious", 0.9, List.of(ticket)))) {
            long start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(model.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            JsonNode answer = JSON.readTree(body.path("choices").path(0).path("message").path("content").asText());
            assertThat(answer.path("verdict").asText()).isEqualTo("malicious");
            assertThat(answer.path("confidence").asDouble()).isEqualTo(0.9);
            assertThat(answer.path("findings").path(0).path("evidenceIds").path(0).asText()).isEqualTo("ev-1");
            assertThat(answer.path("actions").path(0).path("target").asText()).isEqualTo("t1");
            assertThat(body.path("usage").path("prompt_tokens").asInt()).isPositive();
            assertThat(model.calls()).isEqualTo(1);
            assertThat(model.answered()).isEqualTo(1);
        }
    }

    @Test
    void theDefaultAnswerIsSuspiciousAndProposesNothing() {
        assertThat(StandInModel.SUSPICIOUS).containsEntry("verdict", "suspicious").containsEntry("actions", List.of());
    }
}
