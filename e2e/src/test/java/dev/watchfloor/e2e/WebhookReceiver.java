package dev.watchfloor.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The far end of action-service's webhook connector: records each delivery with its traceparent header. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(JsonNode body, String traceparent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** Targets whose deliveries are answered 503 (a vendor outage) and not recorded, until released. */
    private final java.util.Set<String> unavailableFor = java.util.concurrent.ConcurrentHashMap.newKeySet();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode json = JSON.readTree(body.readAllBytes());
                if (unavailableFor.contains(json.path("target").asText())) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                deliveries.add(new Delivery(json, exchange.getRequestHeaders().getFirst("traceparent")));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failFor(String target) {
        unavailableFor.add(target);
    }

    void recoverFor(String target) {
        unavailableFor.remove(target);
    }

    List<Delivery> forAction(String actionId) {
        return deliveries.stream().filter(d -> actionId.equals(d.body().path("actionId").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
