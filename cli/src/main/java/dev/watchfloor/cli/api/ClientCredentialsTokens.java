package dev.watchfloor.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exchanges client credentials for an access token at governance's {@code /v1/auth/token} (OAuth 2.0 client
 * credentials) and reuses it until a minute before it expires.
 */
public final class ClientCredentialsTokens implements TokenSource {

    private final JsonHttp governance;
    private final String clientId;
    private final String secret;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ClientCredentialsTokens(Endpoint governance, String clientId, String secret) {
        this.governance = new JsonHttp(governance, null);
        this.clientId = clientId;
        this.secret = secret;
    }

    public String clientId() {
        return clientId;
    }

    @Override
    public synchronized String token() {
        if (token == null || Instant.now().isAfter(refreshAt)) {
            String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                    + encode(secret);
            JsonNode answer = governance.postForm("/v1/auth/token", form, JsonNode.class);
            token = answer.path("access_token").asText();
            refreshAt = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 60));
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
