package dev.watchfloor.reasoning.model;

/**
 * The resolved endpoint of a route: what {@link ModelGateway} needs to call the model.
 *
 * @param route
 *            the route's name in the policy
 * @param provider
 *            {@code openai} (any OpenAI-compatible server: vLLM, LiteLLM, Ollama's {@code /v1}), {@code anthropic},
 *            {@code ollama} (its native API) or {@code azure-openai} (the base URL of a deployment)
 * @param model
 *            the model name sent to the provider
 * @param baseUrl
 *            without a trailing slash
 * @param apiKey
 *            {@code null} when the server needs none
 * @param maxOutputTokens
 *            the answer's token limit
 */
public record ModelEndpoint(String route, String provider, String model, String baseUrl, String apiKey,
        int maxOutputTokens) {

    /** Provider endpoint: what circuit breakers and rate limits are kept per. */
    String providerEndpoint() {
        return provider + " " + baseUrl;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "ModelEndpoint[route=" + route + ", provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", maxOutputTokens=" + maxOutputTokens + "]";
    }
}
