package dev.watchfloor.reasoning.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.watchfloor.contracts.governance.v1.ModelRoute;

/** Turns the route governance chose into an endpoint, adding what only this service's configuration holds. */
@ApplicationScoped
public class ModelEndpoints {

    /** The route that is no model at all. */
    static final String DETERMINISTIC = "deterministic";
    static final String DEFAULT_PROVIDER = "openai";

    private final ModelConfig config;

    public ModelEndpoints(ModelConfig config) {
        this.config = config;
    }

    /**
     * The endpoint of a route. Base URL: the route's {@code base_url} if set, else
     * {@code watchfloor.reasoning.model.routes.<name>.base-url}, else {@code watchfloor.reasoning.model.base-url}. API
     * key: the route's configured key, else {@code watchfloor.reasoning.model.api-key}; never from the policy. Model:
     * the route's, unless the route takes the default base URL and {@code watchfloor.reasoning.model.name} is set. A
     * blank provider means {@code openai}; a route without {@code max_output_tokens} gets
     * {@code watchfloor.reasoning.model.max-output-tokens}.
     *
     * @return empty when there is no model to call: no route, the {@code deterministic} route, a route without a model
     *         name, or no base URL anywhere (the caller then takes the deterministic path)
     */
    public Optional<ModelEndpoint> resolve(ModelRoute route) {
        if (route == null || DETERMINISTIC.equals(route.getName()) || route.getModel().isBlank()) {
            return Optional.empty();
        }
        Optional<ModelConfig.Route> own = ownSettings(route.getName());
        Optional<String> routeUrl = nonBlank(route.getBaseUrl())
                .or(() -> own.flatMap(ModelConfig.Route::baseUrl).flatMap(ModelEndpoints::nonBlank));
        Optional<String> baseUrl = routeUrl.or(() -> config.baseUrl().flatMap(ModelEndpoints::nonBlank));
        if (baseUrl.isEmpty()) {
            return Optional.empty();
        }
        String model = routeUrl.isEmpty()
                ? config.name().flatMap(ModelEndpoints::nonBlank).orElse(route.getModel().strip())
                : route.getModel().strip();
        String apiKey = own.flatMap(ModelConfig.Route::apiKey)
                .or(config::apiKey)
                .flatMap(ModelEndpoints::nonBlank)
                .orElse(null);
        String provider = nonBlank(route.getProvider()).map(p -> p.toLowerCase(Locale.ROOT)).orElse(DEFAULT_PROVIDER);
        int maxOutputTokens = route.getMaxOutputTokens() > 0 ? route.getMaxOutputTokens() : config.maxOutputTokens();
        return Optional.of(new ModelEndpoint(route.getName(), provider, model,
                withoutTrailingSlash(baseUrl.get()), apiKey, maxOutputTokens));
    }

    /**
     * The route's entry in {@code routes}; names also match ignoring case and punctuation, so that a route named
     * {@code hosted-small} can take its key from {@code WATCHFLOOR_REASONING_MODEL_ROUTES__HOSTED_SMALL__API_KEY}
     * (which SmallRye Config reads as the entry {@code hosted.small}).
     */
    private Optional<ModelConfig.Route> ownSettings(String name) {
        ModelConfig.Route exact = config.routes().get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String wanted = loose(name);
        return config.routes().entrySet().stream()
                .filter(entry -> loose(entry.getKey()).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
