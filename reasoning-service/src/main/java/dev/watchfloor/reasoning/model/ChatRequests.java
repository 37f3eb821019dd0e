package dev.watchfloor.reasoning.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

/** A {@link ModelRequest} in the request parameters each provider's chat model understands. */
final class ChatRequests {

    static final String DEFAULT_SCHEMA_NAME = "answer";

    private ChatRequests() {
    }

    static ChatRequest of(ModelRequest request) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.user()));
        return ChatRequest.builder().messages(messages).parameters(parameters(request)).build();
    }

    private static ChatRequestParameters parameters(ModelRequest request) {
        ModelEndpoint endpoint = request.endpoint();
        return switch (endpoint.provider()) {
            case ChatModels.ANTHROPIC -> ChatRequestParameters.builder()
                    .modelName(endpoint.model())
                    .temperature(request.temperature())
                    .maxOutputTokens(endpoint.maxOutputTokens())
                    .build();
            case ChatModels.OLLAMA -> OllamaChatRequestParameters.builder()
                    .modelName(endpoint.model())
                    .temperature(request.temperature())
                    .maxOutputTokens(endpoint.maxOutputTokens())
                    .seed(request.seed())
                    .responseFormat(responseFormat(request))
                    .build();
            default -> OpenAiChatRequestParameters.builder()
                    .modelName(endpoint.model())
                    .temperature(request.temperature())
                    .maxOutputTokens(endpoint.maxOutputTokens())
                    .seed(request.seed())
                    .responseFormat(responseFormat(request))
                    .build();
        };
    }

    /** The caller's JSON Schema as it is ({@link JsonRawSchema}): no conversion into langchain4j's schema types. */
    private static ResponseFormat responseFormat(ModelRequest request) {
        if (request.jsonSchema() == null) {
            return null;
        }
        JsonSchema schema = JsonSchema.builder()
                .name(Objects.requireNonNullElse(request.schemaName(), DEFAULT_SCHEMA_NAME))
                .rootElement(JsonRawSchema.from(request.jsonSchema()))
                .build();
        return ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build();
    }
}
