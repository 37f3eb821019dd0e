package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSinkTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void recordsPostedCallsAndFindsOneByActionId() throws Exception {
        try (WebhookSink sink = WebhookSink.start()) {
            assertThat(post(sink, "{\"actionId\":\"a-1\",\"type\":\"notify\"}")).isEqualTo(200);
            assertThat(post(sink, "{\"actionId\":\"a-2\",\"type\":\"isolate_host\",\"target\":\"ws-042\"}"))
                    .isEqualTo(200);

            assertThat(sink.await("a-2", Duration.ofSeconds(1))).hasValueSatisfying(
                    call -> assertThat(call.path("target").asText()).isEqualTo("ws-042"));
            assertThat(sink.await("a-3", Duration.ofMillis(300))).isEmpty();
            assertThat(sink.received()).hasSize(2);
        }
    }

    @Test
    void rejectsBodiesThatAreNotJsonObjects() throws Exception {
        try (WebhookSink sink = WebhookSink.start()) {
            assertThat(post(sink, "not json")).isEqualTo(400);
            assertThat(sink.received()).isEmpty();
        }
    }

    private int post(WebhookSink sink, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sink.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
