package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server speaking the OpenAI chat-completions protocol that answers every call, after a fixed delay, with one
 * fixed assessment, for measuring and testing Watchfloor around a model of known latency ({@code bench-investigations
 * --model-delay}, the e2e tests of the model path). Never a model: it reads nothing of the prompt.
 */
public final class StandInModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Suspicious, medium, citing {@code ev-1}, proposing nothing. */
    public static final Map<String, Object> SUSPICIOUS = assessment("suspicious", 0.6, List.of());

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final String answer;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    private StandInModel(HttpServer server, Duration delay, String answer) {
        this.server = server;
        this.delay = delay;
        this.answer = answer;
    }

    /** Answers {@link #SUSPICIOUS} after {@code delay}. */
    public static StandInModel start(Duration delay) throws IOException {
        return start(delay, SUSPICIOUS);
    }

    /** Answers {@code assessment} (the fields of reasoning's answer schema) after {@code delay}. */
    public static StandInModel start(Duration delay, Map<String, Object> assessment) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        StandInModel model = new StandInModel(server, delay, JSON.writeValueAsString(assessment));
        server.createContext("/v1/chat/completions", model::answer);
        server.setExecutor(model.threads);
        server.start();
        return model;
    }

    /**
     * An answer with {@code verdict} and {@code confidence}, severity medium, one finding citing {@code ev-1} and the
     * given actions (maps of {@code type}, {@code target} handle, {@code justification}, {@code evidenceIds}).
     */
    public static Map<String, Object> assessment(String verdict, double confidence, List<Map<String, Object>> actions) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("verdict", verdict);
        a.put("severity", "medium");
        a.put("confidence", confidence);
        a.put("techniques", List.of());
        a.put("summary", "stand-in answer");
        a.put("findings", List.of(Map.of("statement", "the alert was raised", "evidenceIds", List.of("ev-1"))));
        a.put("actions", actions);
        return Map.copyOf(a);
    }

    /** The base URL of its OpenAI-compatible API, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Calls received so far, answered or not. */
    public long calls() {
        return calls.get();
    }

    /** Calls answered so far. */
    public long answered() {
        return answered.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            in.readAllBytes();
            calls.incrementAndGet();
            Thread.sleep(delay.toMillis());
            byte[] body = JSON.writeValueAsBytes(completion());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        }
    }

    private ObjectNode completion() {
        ObjectNode root = JSON.createObjectNode().put("id", "stand-in").put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", "stand-in");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", answer);
        root.putObject("usage").put("prompt_tokens", 600).put("completion_tokens", 80).put("total_tokens", 680);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
