package dev.watchfloor.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.watchfloor.cli.api.JsonHttp;

/**
 * For {@code bench-investigations} only: a local server speaking the OpenAI chat-completions protocol that answers
 * every call, after a fixed delay, with a valid assessment (suspicious, medium, citing ev-1, no actions), so the
 * benchmark measures Watchfloor's own overhead around a model of known latency. Never a model: it reads nothing of the
 * prompt.
 */
final class StandInModel implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final AtomicLong calls = new AtomicLong();

    private StandInModel(HttpServer server, Duration delay) {
        this.server = server;
        this.delay = delay;
    }

    static StandInModel start(Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        StandInModel model = new StandInModel(server, delay);
        server.createContext("/v1/chat/completions", model::answer);
        server.setExecutor(model.threads);
        server.start();
        return model;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    long calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            in.readAllBytes();
            calls.incrementAndGet();
            Thread.sleep(delay.toMillis());
            byte[] body = JsonHttp.MAPPER.writeValueAsBytes(completion());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        }
    }

    private static ObjectNode completion() throws IOException {
        String content = JsonHttp.MAPPER.writeValueAsString(Map.of("verdict", "suspicious", "severity", "medium",
                "confidence", 0.6, "techniques", List.of(), "summary", "bench stand-in answer", "findings",
                List.of(Map.of("statement", "the alert was raised", "evidenceIds", List.of("ev-1"))), "actions",
                List.of()));
        ObjectNode root = JsonHttp.MAPPER.createObjectNode().put("id", "bench").put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", "bench-stand-in");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 600).put("completion_tokens", 80).put("total_tokens", 680);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
