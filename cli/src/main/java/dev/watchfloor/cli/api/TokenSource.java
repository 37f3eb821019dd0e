package dev.watchfloor.cli.api;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.launcher.MeshCredentials;

/**
 * Where the CLI's bearer token comes from, in this order: {@code WATCHFLOOR_TOKEN} (a token from any trusted issuer,
 * used as it is); {@code WATCHFLOOR_CLIENT_ID} and {@code WATCHFLOOR_CLIENT_SECRET} (exchanged at governance); the
 * platform admin's credentials the local mesh saved in {@code .watchfloor/credentials.json}.
 */
@FunctionalInterface
public interface TokenSource {

    String TOKEN_ENV = "WATCHFLOOR_TOKEN";
    String CLIENT_ID_ENV = "WATCHFLOOR_CLIENT_ID";
    String CLIENT_SECRET_ENV = "WATCHFLOOR_CLIENT_SECRET";

    /** The access token to send now. */
    String token();

    static TokenSource fixed(String token) {
        return () -> token;
    }

    static TokenSource fromEnvironment(Map<String, String> env, Path root, Endpoint governance) {
        String token = env.get(TOKEN_ENV);
        if (token != null && !token.isBlank()) {
            return fixed(token.trim());
        }
        String id = env.get(CLIENT_ID_ENV);
        String secret = env.get(CLIENT_SECRET_ENV);
        if (id != null && !id.isBlank() && secret != null) {
            return new ClientCredentialsTokens(governance, id.trim(), secret.trim());
        }
        Path file = MeshCredentials.defaultFile(root);
        JsonNode saved = MeshCredentials.read(file).orElseThrow(() -> new IllegalArgumentException(
                "no credentials: set " + TOKEN_ENV + ", or " + CLIENT_ID_ENV + " and " + CLIENT_SECRET_ENV
                        + ", or start the local mesh with `watchfloor up`, which saves the platform admin's "
                        + "credentials to " + file));
        return new ClientCredentialsTokens(governance, saved.path("clientId").asText(),
                saved.path("clientSecret").asText());
    }
}
