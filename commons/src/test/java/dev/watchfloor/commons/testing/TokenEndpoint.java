package dev.watchfloor.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.watchfloor.commons.security.MeshService;

/**
 * For a test's stand-in of governance: its client-credentials endpoint ({@code POST /v1/auth/token}) as governance
 * answers it, giving one mesh service its service token ({@link TestTokens#service}) and refusing any other client with
 * 401 {@code invalid_client}. Point the service's {@code quarkus.oidc-client.auth-server-url} at {@link #url()}.
 */
public final class TokenEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final MeshService client;

    private TokenEndpoint(MeshService client) throws IOException {
        this.client = client;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/auth/token", this::token);
        server.start();
    }

    /** Starts the endpoint for the service that will ask it for a token. */
    public static TokenEndpoint start(MeshService client) {
        try {
            return new TokenEndpoint(client);
        } catch (IOException e) {
            throw new UncheckedIOException("token endpoint did not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean valid = form.contains("grant_type=client_credentials")
                && form.contains("client_id=" + client.clientId());
        byte[] body = (valid
                ? "{\"access_token\":\"" + TestTokens.service(client)
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}"
                : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(valid ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
