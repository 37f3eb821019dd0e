package dev.watchfloor.reasoning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.watchfloor.reasoning.model.ModelCallException.Kind;
import dev.watchfloor.reasoning.model.ModelStandIn.Answer;

/**
 * The gateway against local stand-ins speaking the providers' protocols. The langchain4j builders get their HTTP
 * clients from quarkus-langchain4j, which needs a running Quarkus (ArC, the REST client), hence a Quarkus test; its
 * profile shortens the fault tolerance values.
 */
@QuarkusTest
@TestProfile(ShortFaultTolerance.class)
class ModelGatewayTest {

    static final String SCHEMA = """
            {"type":"object","properties":{"verdict":{"type":"string","enum":["benign","malicious"]}},\
            "required":["verdict"],"additionalProperties":false}""";

    @Inject
    ModelGateway gateway;

    final OpenAiStandIn openAi = OpenAiStandIn.start();

    @AfterEach
    void stopStandIn() {
        openAi.close();
    }

    @Test
    void anOpenAiAnswerGivesTextAndTokensAndTheRequestCarriesModelSchemaAndSeed() throws Exception {
        openAi.enqueue(OpenAiStandIn.completion("{\"verdict\":\"benign\"}", 120, 9));

        ModelReply reply = gateway.call(new ModelRequest(endpoint("openai", openAi, "sk-test"), "You triage alerts.",
                "Alert: login from a new country", SCHEMA, "triage", 7, 0.0));

        assertThat(reply.text()).isEqualTo("{\"verdict\":\"benign\"}");
        assertThat(reply.inputTokens()).isEqualTo(120);
        assertThat(reply.outputTokens()).isEqualTo(9);
        assertThat(reply.model()).isEqualTo(OpenAiStandIn.MODEL);
        ModelStandIn.RecordedRequest sent = openAi.lastRequest();
        assertThat(OpenAiStandIn.model(sent)).isEqualTo("small-model");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(sent.json().path("seed").asInt()).isEqualTo(7);
        assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(512);
        assertThat(OpenAiStandIn.message(sent, "system")).isEqualTo("You triage alerts.");
        assertThat(OpenAiStandIn.message(sent, "user")).isEqualTo("Alert: login from a new country");
        assertThat(OpenAiStandIn.responseFormat(sent).path("type").asText()).isEqualTo("json_schema");
        assertThat(OpenAiStandIn.responseFormat(sent).path("json_schema").path("name").asText()).isEqualTo("triage");
        assertThat(OpenAiStandIn.responseFormat(sent).path("json_schema").path("schema"))
                .isEqualTo(ModelStandIn.JSON.readTree(SCHEMA));
    }

    @Test
    void anAnthropicAnswerIsReadFromTheMessagesApiAndNoResponseFormatIsSent() throws Exception {
        try (AnthropicStandIn anthropic = AnthropicStandIn.start()) {
            anthropic.enqueue(AnthropicStandIn.message("{\"verdict\":\"malicious\"}", 300, 12));

            ModelReply reply = gateway.call(new ModelRequest(endpoint("anthropic", anthropic, "ant-key"),
                    "Answer in JSON.", "Alert: mimikatz on host-7", SCHEMA, "triage", 7, 0.2));

            assertThat(reply.text()).isEqualTo("{\"verdict\":\"malicious\"}");
            assertThat(reply.inputTokens()).isEqualTo(300);
            assertThat(reply.outputTokens()).isEqualTo(12);
            assertThat(reply.model()).isEqualTo(AnthropicStandIn.MODEL);
            ModelStandIn.RecordedRequest sent = anthropic.lastRequest();
            assertThat(sent.header("x-api-key")).isEqualTo("ant-key");
            assertThat(sent.header("anthropic-version")).isNotBlank();
            assertThat(sent.json().path("model").asText()).isEqualTo("small-model");
            assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(512);
            assertThat(AnthropicStandIn.system(sent)).isEqualTo("Answer in JSON.");
            assertThat(AnthropicStandIn.userText(sent)).isEqualTo("Alert: mimikatz on host-7");
        }
    }

    @Test
    void anOverloadedAnthropicIsRetriedAndItsRateLimitKeepsTheWaitItAskedFor() {
        try (AnthropicStandIn anthropic = AnthropicStandIn.start()) {
            ModelEndpoint endpoint = endpoint("anthropic", anthropic, "ant-key");
            anthropic.enqueue(AnthropicStandIn.error(529, "overloaded_error", "Overloaded"),
                    AnthropicStandIn.message("second time lucky"));
            Answer limited = AnthropicStandIn.error(429, "rate_limit_error", "slow down").withHeader("Retry-After",
                    "0");

            ModelReply reply = gateway.call(request(endpoint));
            anthropic.enqueue(limited, limited, limited);
            ModelCallException failure = callFailing(request(endpoint));

            assertThat(reply.text()).isEqualTo("second time lucky");
            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ZERO);
            assertThat(anthropic.requestCount()).isEqualTo(5);
        }
    }

    @Test
    void anAzureDeploymentGetsTheApiKeyHeaderAndTheApiVersion() {
        try (OpenAiStandIn azure = OpenAiStandIn.start("/openai/deployments/gpt-4o-mini")) {
            azure.enqueue(OpenAiStandIn.completion("ok"));

            ModelReply reply = gateway.call(request(endpoint("azure-openai", azure, "azure-key")));

            assertThat(reply.text()).isEqualTo("ok");
            ModelStandIn.RecordedRequest sent = azure.lastRequest();
            assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions");
            assertThat(sent.query()).isEqualTo("api-version=2024-10-21");
            assertThat(sent.header("api-key")).isEqualTo("azure-key");
            assertThat(sent.header("Authorization")).isNull();
        }
    }

    @Test
    void ollamaGetsTheSchemaAsFormatAndTheSeedInItsOptions() throws Exception {
        try (OllamaStandIn ollama = OllamaStandIn.start()) {
            ollama.enqueue(OllamaStandIn.chat("{\"verdict\":\"benign\"}", 80, 6));

            ModelReply reply = gateway.call(new ModelRequest(endpoint("ollama", ollama, null), "sys", "user", SCHEMA,
                    null, 11, 0.0));

            assertThat(reply.text()).isEqualTo("{\"verdict\":\"benign\"}");
            assertThat(reply.inputTokens()).isEqualTo(80);
            assertThat(reply.outputTokens()).isEqualTo(6);
            ModelStandIn.RecordedRequest sent = ollama.lastRequest();
            assertThat(sent.json().path("format")).isEqualTo(ModelStandIn.JSON.readTree(SCHEMA));
            assertThat(sent.json().path("options").path("seed").asInt()).isEqualTo(11);
            assertThat(sent.json().path("options").path("num_predict").asInt()).isEqualTo(512);
        }
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() {
        openAi.enqueue(OpenAiStandIn.error(429, "slow down").withHeader("Retry-After", "1"),
                OpenAiStandIn.completion("after the wait"));

        long started = System.nanoTime();
        ModelReply reply = gateway.call(request(endpoint("openai", openAi, "sk-test")));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.text()).isEqualTo("after the wait");
        assertThat(openAi.requestCount()).isEqualTo(2);
        // without Retry-After the test profile's backoff would be at most 200 ms
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(reply.latencyMs()).isGreaterThanOrEqualTo(950);
    }

    @Test
    void tooManyRequestsOnEveryAttemptEndsRateLimitedWithTheProvidersWait() {
        Answer tooMany = OpenAiStandIn.error(429, "quota").withHeader("Retry-After", "0");
        openAi.enqueue(tooMany, tooMany, tooMany);

        ModelCallException failure = callFailing(request(endpoint("openai", openAi, "sk-test")));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ZERO);
        assertThat(openAi.requestCount()).isEqualTo(3);
    }

    @Test
    void aBadRequestIsRejectedWithoutRetry() {
        openAi.enqueue(OpenAiStandIn.error(400, "Invalid schema for response_format"));

        ModelCallException failure = callFailing(request(endpoint("openai", openAi, "sk-test")));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.getMessage()).contains("400").contains("Invalid schema");
        assertThat(openAi.requestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsExhaustTheRetriesAndEndUnavailable() {
        openAi.respondWith(request -> OpenAiStandIn.error(500, "boom"));

        ModelCallException failure = callFailing(request(endpoint("openai", openAi, "sk-test")));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(openAi.requestCount()).isEqualTo(3);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutEndsInTimeout() {
        openAi.respondWith(request -> OpenAiStandIn.completion("too late").after(Duration.ofSeconds(3)));

        long started = System.nanoTime();
        ModelCallException failure = callFailing(request(endpoint("openai", openAi, "sk-test")));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(openAi.requestCount()).isEqualTo(3);
        // three attempts of one second each and two short backoffs, not three slow answers
        assertThat(waited).isLessThan(Duration.ofMillis(5500));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndThenCallsDoNotReachTheProvider() {
        openAi.respondWith(request -> OpenAiStandIn.error(503, "down"));
        ModelEndpoint failing = endpoint("openai", openAi, "sk-test");

        // 3 failed attempts, then a 4th: the window of 4 is all failures and the circuit opens
        assertThat(callFailing(request(failing)).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(callFailing(request(failing)).kind()).isEqualTo(Kind.CIRCUIT_OPEN);
        int reached = openAi.requestCount();
        ModelCallException failure = callFailing(request(failing));

        assertThat(failure.kind()).isEqualTo(Kind.CIRCUIT_OPEN);
        assertThat(openAi.requestCount()).isEqualTo(reached).isEqualTo(4);
    }

    @Test
    void callsBeyondTheBulkheadFailAtOnce() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        openAi.respondWith(request -> {
            inFlight.countDown();
            await(release);
            return OpenAiStandIn.completion("held");
        });
        ModelEndpoint endpoint = endpoint("openai", openAi, "sk-test");
        List<CompletableFuture<ModelReply>> held = List.of(
                CompletableFuture.supplyAsync(() -> gateway.call(request(endpoint))),
                CompletableFuture.supplyAsync(() -> gateway.call(request(endpoint))));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        ModelCallException failure = callFailing(request(endpoint));
        release.countDown();

        assertThat(failure.kind()).isEqualTo(Kind.BULKHEAD_FULL);
        assertThat(held).allSatisfy(call -> assertThat(call.get(10, TimeUnit.SECONDS).text()).isEqualTo("held"));
    }

    @Test
    void anUnknownProviderIsUnsupportedAndAnthropicWithoutKeyIsRejected() {
        assertThat(callFailing(request(endpoint("bedrock", openAi, "k"))).kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(callFailing(request(endpoint("anthropic", openAi, null))).kind()).isEqualTo(Kind.REJECTED);
        assertThat(openAi.requestCount()).isZero();
    }

    @Test
    void aSchemaThatIsNotJsonIsRejectedBeforeAnyCall() {
        ModelRequest request = new ModelRequest(endpoint("openai", openAi, "k"), "sys", "user", "{not json", "x", null,
                0.0);

        assertThat(callFailing(request).kind()).isEqualTo(Kind.REJECTED);
        assertThat(openAi.requestCount()).isZero();
    }

    private ModelCallException callFailing(ModelRequest request) {
        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> gateway.call(request));
        assertThat(failure).as("the call should have failed").isNotNull();
        return failure;
    }

    static ModelEndpoint endpoint(String provider, ModelStandIn standIn, String apiKey) {
        return new ModelEndpoint("test-route", provider, "small-model", standIn.baseUrl(), apiKey, 512);
    }

    static ModelRequest request(ModelEndpoint endpoint) {
        return new ModelRequest(endpoint, "You triage alerts.", "Alert: test", null, null, null, 0.0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
