package dev.watchfloor.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.watchfloor.cli.api.JsonHttp;

/**
 * A local HTTP endpoint standing where a customer's webhook receiver (chat, SOAR, ticketing) would be: it records every
 * JSON body POSTed to it, so the demo can show what action-service's webhook connector sent.
 */
public final class WebhookSink implements AutoCloseable {

    private static final String PATH = "/webhook";

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private WebhookSink(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 on an ephemeral port. */
    public static WebhookSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookSink sink = new WebhookSink(server);
            server.createContext(PATH, sink::handle);
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local webhook sink", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The first call for this action id, waiting up to {@code timeout} for it to arrive. */
    public Optional<JsonNode> await(String actionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<JsonNode> call = received.stream()
                    .filter(body -> actionId.equals(body.path("actionId").asText(null)))
                    .findFirst();
            if (call.isPresent()) {
                return call;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JsonHttp.MAPPER.readTree(in);
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                respond(exchange, 400, "{\"error\":\"body must be a JSON object\"}");
                return;
            }
            received.add(body);
            respond(exchange, 200, "{\"received\":true}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
