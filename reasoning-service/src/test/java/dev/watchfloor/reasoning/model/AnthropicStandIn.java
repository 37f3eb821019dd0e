package dev.watchfloor.reasoning.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/** Anthropic's messages API ({@code POST <base>/messages}). */
public final class AnthropicStandIn extends ModelStandIn {

    public static final String MODEL = "stand-in-claude";
    private static final AtomicLong IDS = new AtomicLong();

    private AnthropicStandIn() {
        super("/v1", "/messages");
    }

    /** Base URL {@code http://127.0.0.1:<port>/v1}. */
    public static AnthropicStandIn start() {
        return new AnthropicStandIn();
    }

    /** A message whose single text block is {@code text}, with made-up token counts. */
    public static Answer message(String text) {
        return message(text, 30, 5);
    }

    public static Answer message(String text, int inputTokens, int outputTokens) {
        Map<String, Object> body = Map.of(
                "id", "msg_" + IDS.incrementAndGet(),
                "type", "message",
                "role", "assistant",
                "model", MODEL,
                "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", "end_turn",
                "usage", Map.of("input_tokens", inputTokens, "output_tokens", outputTokens));
        return Answer.json(200, write(body));
    }

    /** An error in Anthropic's shape, e.g. {@code error(529, "overloaded_error", "Overloaded")}. */
    public static Answer error(int status, String type, String message) {
        return Answer.json(status, write(Map.of("type", "error", "error", Map.of("type", type, "message", message))));
    }

    /** The system prompt: a string, or the text of its blocks joined. */
    public static String system(RecordedRequest request) {
        JsonNode system = request.json().path("system");
        if (system.isTextual()) {
            return system.asText();
        }
        StringBuilder text = new StringBuilder();
        system.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    /** The text of the first user message. */
    public static String userText(RecordedRequest request) {
        for (JsonNode message : request.json().path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                return content.isTextual() ? content.asText() : content.path(0).path("text").asText();
            }
        }
        return null;
    }
}
