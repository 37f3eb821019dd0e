package dev.watchfloor.reasoning.model;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.reasoning.model.ModelCallException.Kind;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** The one way this service calls a language model: the endpoint's chat model under {@link ModelGuards}. */
@ApplicationScoped
public class ModelGateway {

    private final ChatModels models;
    private final ModelGuards guards;
    private final ObjectMapper json;

    ModelGateway(ChatModels models, ModelGuards guards, ObjectMapper json) {
        this.models = models;
        this.guards = guards;
        this.json = json;
    }

    /**
     * Calls the model of {@code request.endpoint()} and waits for its answer, retrying and waiting as
     * {@link ModelConfig} says. Blocking: call it from a worker thread, never from an event loop.
     *
     * @throws ModelCallException
     *             when no answer could be had; its kind says why
     */
    public ModelReply call(ModelRequest request) throws ModelCallException {
        requireValid(request);
        ModelEndpoint endpoint = request.endpoint();
        ChatModel model = models.of(endpoint);
        ChatRequest chat = ChatRequests.of(request);
        long started = System.nanoTime();
        ChatResponse response = guards.call(endpoint, () -> model.chat(chat), ChatResponse.class);
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        return reply(response, endpoint, latencyMs);
    }

    private static ModelReply reply(ChatResponse response, ModelEndpoint endpoint, long latencyMs) {
        TokenUsage usage = response.tokenUsage();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        String model = response.metadata() == null ? null : response.metadata().modelName();
        return new ModelReply(Objects.requireNonNullElse(text, ""),
                usage == null ? 0 : count(usage.inputTokenCount()),
                usage == null ? 0 : count(usage.outputTokenCount()),
                Objects.requireNonNullElse(model, endpoint.model()), latencyMs);
    }

    private static int count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    /** What cannot succeed however often it is tried fails here, before any guard counts it. */
    private void requireValid(ModelRequest request) {
        if (request == null || request.endpoint() == null) {
            throw new ModelCallException(Kind.REJECTED, "a model request needs an endpoint");
        }
        if (request.user() == null || request.user().isBlank()) {
            throw new ModelCallException(Kind.REJECTED, "route " + request.endpoint().route() + ": empty user message");
        }
        if (request.jsonSchema() != null) {
            try {
                if (!json.readTree(request.jsonSchema()).isObject()) {
                    throw new ModelCallException(Kind.REJECTED, "the JSON schema must be a JSON object");
                }
            } catch (JsonProcessingException e) {
                throw new ModelCallException(Kind.REJECTED, "the JSON schema is not JSON: " + e.getOriginalMessage(),
                        null, e);
            }
        }
    }
}
