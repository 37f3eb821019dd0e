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

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                deliveries.add(new Delivery(JSON.readTree(body.readAllBytes()),
                        exchange.getRequestHeaders().getFirst("traceparent")));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Delivery> forAction(String actionId) {
        return deliveries.stream().filter(d -> actionId.equals(d.body().path("actionId").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
