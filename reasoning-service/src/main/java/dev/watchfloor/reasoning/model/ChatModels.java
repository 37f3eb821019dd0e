package dev.watchfloor.reasoning.model;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.langchain4j.jaxrsclient.JaxRsHttpClientBuilder;
import io.quarkiverse.langchain4j.openai.common.QuarkusOpenAiClient;

import dev.watchfloor.reasoning.model.ModelCallException.Kind;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j {@link ChatModel} of a provider endpoint and keeps it for later calls. Inside Quarkus the
 * langchain4j builders get their HTTP clients from quarkus-langchain4j through service loaders: OpenAI's and
 * Anthropic's are Quarkus REST clients ({@code QuarkusOpenAiClient}, {@code QuarkusAnthropicClient}); Ollama's is given
 * the extension's JAX-RS client explicitly, as the classpath holds two langchain4j HTTP clients. The builders' own
 * retries are off: {@link ModelGuards} retries.
 */
@ApplicationScoped
class ChatModels {

    static final String OPENAI = "openai";
    static final String ANTHROPIC = "anthropic";
    static final String OLLAMA = "ollama";
    static final String AZURE_OPENAI = "azure-openai";

    private final ModelConfig config;
    private final Map<Key, ChatModel> models = new ConcurrentHashMap<>();

    ChatModels(ModelConfig config) {
        this.config = config;
    }

    /**
     * @throws ModelCallException
     *             {@code UNSUPPORTED} for an unknown provider, {@code REJECTED} for a missing key
     */
    ChatModel of(ModelEndpoint endpoint) {
        requireKeyWhereNeeded(endpoint);
        return models.computeIfAbsent(new Key(endpoint.provider(), endpoint.baseUrl(), endpoint.apiKey(), timeout()),
                this::build);
    }

    private ChatModel build(Key key) {
        return switch (key.provider()) {
            case OPENAI -> openAi(key);
            case ANTHROPIC -> anthropic(key);
            case OLLAMA -> ollama(key);
            case AZURE_OPENAI -> azureOpenAi(key);
            default -> throw new ModelCallException(Kind.UNSUPPORTED, "unknown model provider '" + key.provider()
                    + "' (known: openai, anthropic, ollama, azure-openai)");
        };
    }

    private ChatModel openAi(Key key) {
        return OpenAiChatModel.builder()
                .baseUrl(key.baseUrl())
                .apiKey(key.apiKey())
                .timeout(key.timeout())
                .maxRetries(0)
                .strictJsonSchema(config.strictJsonSchema())
                .build();
    }

    private ChatModel anthropic(Key key) {
        return AnthropicChatModel.builder()
                .baseUrl(key.baseUrl())
                .apiKey(key.apiKey())
                .timeout(key.timeout())
                .maxRetries(0)
                .build();
    }

    private ChatModel ollama(Key key) {
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder()
                .httpClientBuilder(new JaxRsHttpClientBuilder())
                .baseUrl(key.baseUrl())
                .timeout(key.timeout())
                .maxRetries(0);
        if (key.apiKey() != null) {
            builder.customHeaders(Map.of("Authorization", "Bearer " + key.apiKey()));
        }
        return builder.build();
    }

    private ChatModel azureOpenAi(Key key) {
        QuarkusOpenAiClient client = QuarkusOpenAiClient.builder()
                .baseUrl(key.baseUrl())
                .azureApiKey(key.apiKey())
                .apiVersion(config.azureApiVersion())
                .connectTimeout(key.timeout())
                .readTimeout(key.timeout())
                .build();
        return new AzureOpenAiChatModel(client, config.strictJsonSchema());
    }

    private static void requireKeyWhereNeeded(ModelEndpoint endpoint) {
        boolean needsKey = ANTHROPIC.equals(endpoint.provider()) || AZURE_OPENAI.equals(endpoint.provider());
        if (needsKey && endpoint.apiKey() == null) {
            throw new ModelCallException(Kind.REJECTED, "route " + endpoint.route() + ": provider "
                    + endpoint.provider()
                    + " needs an API key (watchfloor.reasoning.model.api-key or ...routes.<route>.api-key)");
        }
    }

    /** The Quarkus clients take whole seconds; a shorter timeout is left to {@link ModelGuards}. */
    private Duration timeout() {
        long seconds = Math.max(1, (config.timeout().toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    private record Key(String provider, String baseUrl, String apiKey, Duration timeout) {

        @Override
        public String toString() {
            return provider + " " + baseUrl;
        }
    }
}
