package dev.watchfloor.governance.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A chat/paging integration at the edge: records the approval announcements governance POSTs to it. */
public class ApprovalWebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final List<String> BODIES = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hooks/approvals", exchange -> {
            BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return Map.of("watchfloor.governance.approval-webhook-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/approvals");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
