package dev.watchfloor.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in launcher tests: listens on {@code QUARKUS_HTTP_PORT}, answers
 * {@code /q/health/ready}, logs a Quarkus-style start-up line and the datasource it was given. {@code FAKE_MODE=die}
 * exits with code 3 instead; {@code FAKE_MODE=hang} never becomes ready. Self-contained (no nested classes), so tests
 * can copy its class file into a runner jar.
 */
public final class FakeQuarkusService {

    private FakeQuarkusService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String mode = System.getenv().getOrDefault("FAKE_MODE", "ok");
        System.out.println("datasource " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL") + " as "
                + System.getenv("QUARKUS_DATASOURCE_USERNAME"));
        System.out.println("extra " + System.getenv("FAKE_EXTRA"));
        if (mode.equals("die")) {
            for (int i = 1; i <= 40; i++) {
                System.out.println("boot failure detail line " + i);
            }
            System.exit(3);
        }
        if (mode.equals("hang")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out
                .println("fake 1.0 on JVM (powered by Quarkus 3.30.6) started in 0.123s. Listening on: http://0.0.0.0:"
                        + port);
        Thread.sleep(Long.MAX_VALUE);
    }
}
