package dev.watchfloor.reasoning.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAI chat-completions API ({@code POST <base>/chat/completions}), as OpenAI, vLLM, LiteLLM, Ollama's
 * {@code /v1} and Azure OpenAI deployments speak it.
 */
public final class OpenAiStandIn extends ModelStandIn {

    public static final String MODEL = "stand-in-gpt";
    private static final AtomicLong IDS = new AtomicLong();

    private OpenAiStandIn(String basePath) {
        super(basePath, "/chat/completions");
    }

    /** Base URL {@code http://127.0.0.1:<port>/v1}. */
    public static OpenAiStandIn start() {
        return start("/v1");
    }

    /** E.g. {@code /openai/deployments/gpt-4o} for an Azure deployment. */
    public static OpenAiStandIn start(String basePath) {
        return new OpenAiStandIn(basePath);
    }

    /** A completion whose message is {@code content}, with made-up token counts. */
    public static Answer completion(String content) {
        return completion(content, 42, 7);
    }

    public static Answer completion(String content, int promptTokens, int completionTokens) {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-" + IDS.incrementAndGet(),
                "object", "chat.completion",
                "created", 1_700_000_000,
                "model", MODEL,
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens));
        return Answer.json(200, write(body));
    }

    /** An error in OpenAI's shape. */
    public static Answer error(int status, String message) {
        return Answer.json(status, write(Map.of("error", Map.of("message", message, "type", "stand_in_error"))));
    }

    public static String model(RecordedRequest request) {
        return request.json().path("model").asText();
    }

    /** The content of the message with the given role ({@code system}, {@code user}); {@code null} when absent. */
    public static String message(RecordedRequest request, String role) {
        for (JsonNode message : request.json().path("messages")) {
            if (role.equals(message.path("role").asText())) {
                return message.path("content").asText();
            }
        }
        return null;
    }

    /** {@code response_format} as sent, a missing node when none. */
    public static JsonNode responseFormat(RecordedRequest request) {
        return request.json().path("response_format");
    }
}
