package dev.watchfloor.cli.api;

import java.net.URI;
import java.util.Map;

/**
 * A service's public base URL, and the environment variable that overrides it (named in error messages).
 *
 * @param service
 *            e.g. {@code ingest-service}
 * @param baseUrl
 *            without a trailing slash
 * @param envVar
 *            e.g. {@code WATCHFLOOR_INGEST_URL}
 */
public record Endpoint(String service, URI baseUrl, String envVar) {

    public Endpoint {
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException(envVar + " must be an http(s) URL, got: " + text);
        }
    }

    /** The URL from {@code envVar} when set, else {@code fallback}. */
    public static Endpoint fromEnvironment(String service, String envVar, String fallback, Map<String, String> env) {
        String value = env.get(envVar);
        return new Endpoint(service, URI.create(value == null || value.isBlank() ? fallback : value.trim()), envVar);
    }

    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }
}
