package dev.watchfloor.reasoning.model;

import java.util.Map;

/** Ollama's native chat API ({@code POST <base>/api/chat}, not streamed). */
public final class OllamaStandIn extends ModelStandIn {

    public static final String MODEL = "stand-in-llama";

    private OllamaStandIn() {
        super("", "/api/chat");
    }

    /** Base URL {@code http://127.0.0.1:<port>}. */
    public static OllamaStandIn start() {
        return new OllamaStandIn();
    }

    public static Answer chat(String content, int promptTokens, int answerTokens) {
        Map<String, Object> body = Map.of(
                "model", MODEL,
                "created_at", "2025-01-01T00:00:00Z",
                "message", Map.of("role", "assistant", "content", content),
                "done", true,
                "done_reason", "stop",
                "prompt_eval_count", promptTokens,
                "eval_count", answerTokens);
        return Answer.json(200, write(body));
    }
}
