package dev.watchfloor.cli.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over HTTP to one service: error statuses become {@link ApiException} with the problem+json body, a refused
 * connection becomes {@link ServiceUnreachableException}.
 */
public final class JsonHttp {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    private final Endpoint endpoint;
    private final TokenSource tokens;

    /** {@code tokens} null: no Authorization header (the token endpoint itself). */
    public JsonHttp(Endpoint endpoint, TokenSource tokens) {
        this.endpoint = endpoint;
        this.tokens = tokens;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public <T> T get(String path, Class<T> type) {
        return send(request(path).GET().build(), type);
    }

    /** POSTs bytes that already are JSON, as they are. */
    public <T> T post(String path, byte[] json, Class<T> type) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), type);
    }

    /** PUTs a text body of the given media type (a YAML document). */
    public <T> T putText(String path, String text, String mediaType, Class<T> type) {
        return send(request(path).header("Content-Type", mediaType + "; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), type);
    }

    /** GETs a text body (YAML, a diff) as it is, asking for {@code mediaType}; error statuses as in {@link #get}. */
    public String getText(String path, String mediaType) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fetch(path, mediaType, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** POSTs an {@code application/x-www-form-urlencoded} body. */
    public <T> T postForm(String path, String form, Class<T> type) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), type);
    }

    /** POSTs a value serialized with Jackson. */
    public <T> T postValue(String path, Object body, Class<T> type) {
        try {
            return post(path, MAPPER.writeValueAsBytes(body), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize request body", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        return tokens == null ? builder : builder.header("Authorization", "Bearer " + tokens.token());
    }

    /** Streams the body of a GET into {@code out} (an export of any size); error statuses as in {@link #get}. */
    public void download(String path, java.io.OutputStream out) {
        fetch(path, "text/plain", out);
    }

    private void fetch(String path, String mediaType, java.io.OutputStream out) {
        HttpRequest request = request(path).setHeader("Accept", mediaType + ", application/problem+json").GET()
                .build();
        HttpResponse<java.io.InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw new ApiException(ProblemReader.read(response.statusCode(), body.readAllBytes()));
            }
            body.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        }
    }

    private <B> HttpResponse<B> exchange(HttpRequest request, HttpResponse.BodyHandler<B> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServiceUnreachableException(endpoint, e);
        } catch (HttpTimeoutException e) {
            throw new ApiException(new Problem(null, "Timeout", null, endpoint.service() + " did not answer "
                    + request.method() + " " + request.uri().getPath() + " within " + TIMEOUT.toSeconds() + " s",
                    null));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new ApiException(ProblemReader.read(response.statusCode(), response.body()));
        }
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiException(new Problem(null, "Unexpected answer", response.statusCode(), endpoint.service()
                    + " sent a body that is not the expected JSON: " + snippet(response.body()), null));
        }
    }

    /** Percent-encodes one path segment or query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
