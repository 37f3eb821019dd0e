package dev.watchfloor.reasoning.model;

import io.quarkiverse.langchain4j.openai.common.QuarkusOpenAiClient;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;

/**
 * An Azure OpenAI deployment through quarkus-langchain4j's OpenAI client, which speaks Azure's dialect when given an
 * Azure key: the {@code api-key} header instead of a bearer token, and the {@code api-version} query parameter. The
 * base URL is the deployment's ({@code https://<resource>.openai.azure.com/openai/deployments/<deployment>}).
 * {@code OpenAiChatModel} cannot be used: its builder creates the client itself and has no way to pass either, and the
 * quarkus-langchain4j-azure-openai extension is not available to this build.
 */
final class AzureOpenAiChatModel implements ChatModel {

    private final QuarkusOpenAiClient client;
    private final boolean strictJsonSchema;

    AzureOpenAiChatModel(QuarkusOpenAiClient client, boolean strictJsonSchema) {
        this.client = client;
        this.strictJsonSchema = strictJsonSchema;
    }

    @Override
    public OpenAiChatRequestParameters defaultRequestParameters() {
        return OpenAiChatRequestParameters.EMPTY;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        OpenAiChatRequestParameters parameters = (OpenAiChatRequestParameters) request.parameters();
        ChatCompletionRequest completion = OpenAiUtils
                .toOpenAiChatRequest(request, parameters, false, strictJsonSchema)
                .build();
        ChatCompletionResponse response = client.chatCompletion(completion).execute();
        return ChatResponse.builder()
                .aiMessage(OpenAiUtils.aiMessageFrom(response))
                .metadata(ChatResponseMetadata.builder()
                        .id(response.id())
                        .modelName(response.model())
                        .tokenUsage(OpenAiUtils.tokenUsageFrom(response.usage()))
                        .finishReason(OpenAiUtils.finishReasonFrom(response.choices().get(0).finishReason()))
                        .build())
                .build();
    }
}
