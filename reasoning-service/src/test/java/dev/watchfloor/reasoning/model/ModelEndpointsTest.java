package dev.watchfloor.reasoning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.watchfloor.contracts.governance.v1.ModelRoute;

/**
 * Where a route's base URL and key come from. Plain JUnit: the mapping is built by SmallRye Config alone (with Quarkus'
 * duration format).
 */
class ModelEndpointsTest {

    static final ModelRoute HOSTED = ModelRoute.newBuilder()
            .setName("hosted-small")
            .setProvider("OpenAI")
            .setModel("gpt-4o-mini")
            .setMaxOutputTokens(800)
            .build();

    @Test
    void thePolicysBaseUrlComesFirstAndTheKeyNeverComesFromThePolicy() {
        ModelEndpoints endpoints = endpoints(Map.of(
                "watchfloor.reasoning.model.base-url", "http://default:8000/v1",
                "watchfloor.reasoning.model.api-key", "default-key"));

        ModelEndpoint endpoint = endpoints.resolve(HOSTED.toBuilder().setBaseUrl("https://api.example/v1/").build())
                .orElseThrow();

        assertThat(endpoint).isEqualTo(new ModelEndpoint("hosted-small", "openai", "gpt-4o-mini",
                "https://api.example/v1", "default-key", 800));
    }

    @Test
    void aRoutesOwnSettingsComeBeforeTheDefaults() {
        ModelEndpoints endpoints = endpoints(Map.of(
                "watchfloor.reasoning.model.base-url", "http://default:8000/v1",
                "watchfloor.reasoning.model.api-key", "default-key",
                "watchfloor.reasoning.model.routes.hosted-small.base-url", "http://vllm:8000/v1",
                "watchfloor.reasoning.model.routes.hosted-small.api-key", "route-key"));

        ModelEndpoint endpoint = endpoints.resolve(HOSTED).orElseThrow();

        assertThat(endpoint.baseUrl()).isEqualTo("http://vllm:8000/v1");
        assertThat(endpoint.apiKey()).isEqualTo("route-key");
    }

    @Test
    void aRoutesKeyCanComeFromTheEnvironmentWhateverPunctuationItsNameHas() {
        ModelConfig config = new SmallRyeConfigBuilder()
                .withMapping(ModelConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(Map.of(
                        "WATCHFLOOR_REASONING_MODEL_BASE_URL", "http://vllm:8000/v1",
                        "WATCHFLOOR_REASONING_MODEL_ROUTES__HOSTED_SMALL__API_KEY", "env-key"), 300))
                .build()
                .getConfigMapping(ModelConfig.class);

        ModelEndpoint endpoint = new ModelEndpoints(config).resolve(HOSTED).orElseThrow();

        assertThat(endpoint.apiKey()).isEqualTo("env-key");
    }

    @Test
    void theDefaultBaseUrlServesRoutesWithoutOneAndZeroTokensMeansTheConfiguredLimit() {
        ModelEndpoints endpoints = endpoints(Map.of("watchfloor.reasoning.model.base-url", "http://local:11434/v1"));

        ModelEndpoint endpoint = endpoints.resolve(HOSTED.toBuilder().setProvider("").setMaxOutputTokens(0).build())
                .orElseThrow();

        assertThat(endpoint.baseUrl()).isEqualTo("http://local:11434/v1");
        assertThat(endpoint.provider()).isEqualTo("openai");
        assertThat(endpoint.apiKey()).isNull();
        assertThat(endpoint.maxOutputTokens()).isEqualTo(1024);
    }

    @Test
    void noBaseUrlAnywhereOrTheDeterministicRouteMeansNoModel() {
        ModelEndpoints endpoints = endpoints(Map.of("watchfloor.reasoning.model.api-key", "key"));
        ModelEndpoints configured = endpoints(Map.of("watchfloor.reasoning.model.base-url", "http://local/v1"));

        assertThat(endpoints.resolve(HOSTED)).isEmpty();
        assertThat(configured.resolve(ModelRoute.newBuilder().setName("deterministic").build())).isEmpty();
        assertThat(configured.resolve(HOSTED.toBuilder().setModel(" ").build())).isEmpty();
        assertThat(configured.resolve(null)).isEmpty();
    }

    @Test
    void anEndpointNeverPrintsItsKey() {
        ModelEndpoint endpoint = new ModelEndpoint("r", "openai", "m", "http://x", "sk-secret", 1);

        assertThat(endpoint.toString()).doesNotContain("sk-secret").contains("apiKey=***");
    }

    static ModelEndpoints endpoints(Map<String, String> properties) {
        ModelConfig config = new SmallRyeConfigBuilder()
                .withMapping(ModelConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 100))
                .build()
                .getConfigMapping(ModelConfig.class);
        return new ModelEndpoints(config);
    }
}
