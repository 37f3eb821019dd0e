package dev.watchfloor.reasoning.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where models are reached and how calls to them are guarded. Routes come from governance (a tenant's policy) at run
 * time; this only supplies what a policy must never carry (API keys) and fills in what it leaves out (base URLs).
 * <p>
 * Unremovable: Quarkus registers a mapping only when something injects it, and the properties in application.properties
 * would otherwise fail validation ("does not map to any root") in a build where nothing uses the gateway yet. It also
 * makes a mistyped property fail at startup rather than at the first model call.
 */
@Unremovable
@ConfigMapping(prefix = "watchfloor.reasoning.model")
public interface ModelConfig {

    /** Base URL of routes that name none and have no {@link #routes()} entry (env {@code WATCHFLOOR_MODEL_URL}). */
    Optional<String> baseUrl();

    /**
     * The model served at {@link #baseUrl()} (env {@code WATCHFLOOR_MODEL_NAME}): a route that takes the default base
     * URL calls this model instead of the one its policy names, so one local endpoint (vLLM, LiteLLM, Ollama) can serve
     * the default route whatever model it runs. The route's price table still applies.
     */
    Optional<String> name();

    /** API key of routes without their own (env {@code WATCHFLOOR_MODEL_API_KEY}); never taken from a policy. */
    Optional<String> apiKey();

    /** Per-route settings, keyed by the route's name in the policy (e.g. {@code hosted-small}). */
    Map<String, Route> routes();

    /** Output token limit of routes whose {@code max_output_tokens} is 0. */
    @WithDefault("1024")
    int maxOutputTokens();

    /**
     * Send JSON schemas to OpenAI-compatible servers with {@code strict: true}; OpenAI then requires every property to
     * be listed in {@code required} and {@code additionalProperties: false} on every object.
     */
    @WithDefault("false")
    boolean strictJsonSchema();

    /** {@code api-version} query parameter of {@code azure-openai} routes. */
    @WithDefault("2024-10-21")
    String azureApiVersion();

    /** Timeout of one attempt; also the HTTP client's connect and read timeout (whole seconds, at least 1). */
    @WithDefault("60s")
    Duration timeout();

    /**
     * Investigations of this replica asking a model at once (the others wait their turn), and so model calls in flight;
     * a call beyond it would fail at once with {@code BULKHEAD_FULL}.
     */
    @WithDefault("8")
    int bulkheadLimit();

    /** Calls per minute to each provider endpoint (provider and base URL); 0 turns the limit off. */
    @WithDefault("0")
    int rateLimitPerMinute();

    Retry retry();

    CircuitBreaker circuitBreaker();

    interface Route {

        /** Used when the policy's route has no base URL. */
        Optional<String> baseUrl();

        /** The route's own API key. */
        Optional<String> apiKey();
    }

    interface Retry {

        /** Retries after the first attempt, on 408, 429, 5xx, timeouts and connection failures. */
        @WithDefault("2")
        int maxRetries();

        /** Delay before the first retry; doubles per retry up to {@link #backoffMax()}, each randomised to 50-100%. */
        @WithDefault("500ms")
        Duration backoff();

        /** Longest backoff between two attempts. */
        @WithDefault("10s")
        Duration backoffMax();

        /** Longest wait a provider's {@code Retry-After} (on 429 and 503) can impose; longer values are cut to it. */
        @WithDefault("30s")
        Duration retryAfterMax();
    }

    /** One circuit breaker per provider endpoint (provider and base URL). */
    interface CircuitBreaker {

        /** Size of the rolling window of attempts the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Ratio of failed attempts (5xx, timeouts, connection failures) in the window that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before a trial call is let through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close the circuit again. */
        @WithDefault("1")
        int successThreshold();
    }
}
