package dev.watchfloor.action.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A local HTTP server that receives the webhook connector's POSTs and answers with the status a test chooses. */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** One request as received. Header names are lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Status to answer for a request body; 200 unless a test says otherwise. */
    public static volatile ToIntFunction<String> responder = body -> 200;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("webhook receiver did not start", e);
        }
        server.createContext("/hook", WebhookReceiver::handle);
        server.start();
        return Map.of("watchfloor.action.webhook-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static List<Received> about(String actionId) {
        return RECEIVED.stream().filter(r -> r.body().contains(actionId)).toList();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        exchange.sendResponseHeaders(responder.applyAsInt(body), -1);
        exchange.close();
    }
}
