package dev.watchfloor.reasoning.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server speaking one model provider's protocol, for tests: no live model, no internet. It answers
 * {@code POST <base>/<operation>} from a script of {@link Answer}s (in order), then from a responder function if one is
 * set (a stand-in that reads the prompt and decides), else with a 500 that says the script ran out. Every request is
 * recorded. Subclasses know the protocol: {@link OpenAiStandIn}, {@link AnthropicStandIn}, {@link OllamaStandIn}.
 */
public class ModelStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "model-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final String basePath;
    private final String operation;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, Answer> responder;

    /**
     * @param basePath
     *            path of the base URL, e.g. {@code /v1}; {@code ""} for none
     * @param operation
     *            path after the base, e.g. {@code /chat/completions}
     */
    protected ModelStandIn(String basePath, String operation) {
        this.basePath = basePath;
        this.operation = operation;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to give the model client, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    /** Answers to give, in order, before the responder is asked. */
    public void enqueue(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** How to answer once the script is used up (e.g. read the prompt and act on it). */
    public void respondWith(Function<RecordedRequest, Answer> responder) {
        this.responder = responder;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the stand-in received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Forgets the requests, the script and the responder. */
    public void reset() {
        requests.clear();
        script.clear();
        responder = null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            requests.add(request);
            Answer answer = answerTo(request);
            pause(answer.delay());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (!answer.headers().containsKey("Content-Type")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientWentAway) {
            // the client gave up (a timeout under test): nobody is left to answer
        }
    }

    private Answer answerTo(RecordedRequest request) {
        if (!"POST".equals(request.method()) || !request.path().equals(basePath + operation)) {
            return Answer.json(404,
                    "{\"error\":\"no such operation: " + request.method() + " " + request.path() + "\"}");
        }
        Answer scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        Function<RecordedRequest, Answer> current = responder;
        return current != null
                ? current.apply(request)
                : Answer.json(500, "{\"error\":\"the stand-in's script is used up\"}");
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request the stand-in received. */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            String body) {

        /** The first value of a header, whatever its case; {@code null} when absent. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().isEmpty() ? "" : entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the request body is not JSON: " + body, e);
            }
        }
    }

    /** What the stand-in answers: status, headers, body, and how long it waits before answering. */
    public record Answer(int status, Map<String, String> headers, String body, Duration delay) {

        public static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body, Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, Map.copyOf(more), body, delay);
        }

        /** The same answer, given only after {@code wait}. */
        public Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }
    }
}
