package dev.watchfloor.cli.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.watchfloor.cli.api.Endpoint;
import dev.watchfloor.cli.api.ServiceClients;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.api.TokenSource;

/**
 * Speaks the public REST shapes of ingest, reasoning and governance on one port: every alert gets an investigation that
 * runs for two polls, the first alert's investigation raises one approval, and approving it posts the webhook call
 * action-service would make. {@code failSecond} makes the second investigation fail.
 */
final class FakeWatchfloor implements AutoCloseable {

    private final HttpServer server;
    private final String webhookUrl;
    private final boolean failSecond;
    private final AtomicInteger polls = new AtomicInteger();
    private volatile boolean approved;

    FakeWatchfloor(String webhookUrl, boolean failSecond) throws IOException {
        this.webhookUrl = webhookUrl;
        this.failSecond = failSecond;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/events", exchange -> reply(exchange, 202, results("ev", 41)));
        server.createContext("/v1/alerts", exchange -> reply(exchange, 202, "{\"results\":[{\"index\":0,"
                + "\"status\":\"accepted\",\"id\":\"al-" + alertsPosted.getAndIncrement() + "\"}]}"));
        server.createContext("/v1/investigations", this::investigations);
        server.createContext("/v1/approvals", this::approvals);
        server.start();
    }

    /** The demo posts alerts one per request; the fake numbers them in arrival order. */
    private final java.util.concurrent.atomic.AtomicInteger alertsPosted = new java.util.concurrent.atomic.AtomicInteger();

    ServiceClients clients() {
        Endpoint endpoint = new Endpoint("fake", URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "X");
        return ServiceClients.of(new ServiceUrls(endpoint, endpoint, endpoint), TokenSource.fixed("test-token"));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void investigations(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if (query != null) {
            String alertId = query.substring("alertId=".length());
            String status = polls.incrementAndGet() <= 5
                    ? "running"
                    : failSecond && alertId.equals("al-1") ? "failed" : "completed";
            reply(exchange, 200, "{\"items\":[{\"id\":\"inv-" + alertId + "\",\"alertId\":\"" + alertId
                    + "\",\"status\":\"" + status + "\",\"verdict\":" + (status.equals("completed")
                            ? "\"malicious\""
                            : "null")
                    + ",\"confidence\":0.9}]}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/v1/investigations/".length());
        reply(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"completed\",\"verdict\":\"malicious\","
                + "\"confidence\":0.9,\"title\":\"Alert " + id + "\",\"traceId\":\"trace-" + id + "\","
                + "\"evidence\":[{\"id\":\"e1\"}],\"steps\":[{\"name\":\"context\",\"status\":\"completed\","
                + "\"latencyMs\":12}],\"actions\":[{\"actionId\":\"act-1\",\"type\":\"isolate_host\","
                + "\"target\":\"ws-042\",\"state\":\"pending_approval\",\"approvalId\":\"ap-1\"}]}");
    }

    private void approvals(HttpExchange exchange) throws IOException {
        String approval = "{\"id\":\"ap-1\",\"actionId\":\"act-1\",\"investigationId\":\"inv-al-0\","
                + "\"alertId\":\"al-0\",\"actionType\":\"isolate_host\",\"target\":\"ws-042\",\"state\":\"%s\"}";
        if (exchange.getRequestMethod().equals("POST")) {
            approved = true;
            reply(exchange, 200, approval.formatted("approved"));
            postWebhook();
            return;
        }
        reply(exchange, 200, approved ? "{\"items\":[]}" : "{\"items\":[" + approval.formatted("pending") + "]}");
    }

    private void postWebhook() {
        String body = "{\"actionId\":\"act-1\",\"type\":\"isolate_host\",\"target\":\"ws-042\","
                + "\"parameters\":{\"mode\":\"full\"},\"tenant\":\"default\",\"investigationId\":\"inv-al-0\"}";
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(webhookUrl))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String results(String prefix, int count) {
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("{\"index\":" + i + ",\"status\":\"accepted\",\"id\":\"" + prefix + "-" + i + "\"}");
        }
        return "{\"results\":[" + String.join(",", items) + "]}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
