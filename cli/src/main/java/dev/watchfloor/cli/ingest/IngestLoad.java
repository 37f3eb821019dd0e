package dev.watchfloor.cli.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.api.TokenSource;

/**
 * Load for ingest's intake, shared by {@code bench-ingest} and {@code crash-ingest}: NDJSON batches of varied events
 * (generic JSON, Okta, CloudTrail, Zeek conn, Suricata alerts; each carrying a unique marker) and single alerts, all
 * built and serialized by Jackson, posted with the SIEM client's token, optionally with an {@code Idempotency-Key}.
 */
final class IngestLoad {

    /** One answer: status, body, and how long it took. */
    record Answer(int status, String body, long nanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI ingest;
    private final TokenSource tokens;

    IngestLoad(URI ingest, TokenSource tokens) {
        this.ingest = ingest;
        this.tokens = tokens;
    }

    Answer post(String path, String contentType, byte[] body, String idempotencyKey) throws IOException,
            InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request(path, contentType, body, idempotencyKey),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    CompletableFuture<Answer> postAsync(String path, String contentType, byte[] body) {
        long start = System.nanoTime();
        return http.sendAsync(request(path, contentType, body, null), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body(), System.nanoTime() - start));
    }

    private HttpRequest request(String path, String contentType, byte[] body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ingest.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + tokens.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    /** An NDJSON batch of {@code size} events, event {@code first + i} carrying marker {@code run-<first + i>}. */
    static byte[] batch(String run, long first, int size) {
        StringBuilder out = new StringBuilder(size * 320);
        Random random = new Random(first);
        for (int i = 0; i < size; i++) {
            out.append(json(event(run + "-" + (first + i), (int) ((first + i) % 5), random))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One alert unlike any other (its own host and marker). */
    static byte[] alert(String marker) {
        ObjectNode alert = object().put("title", "Suspicious sign-in " + marker).put("severity", "medium")
                .put("source", "bench").put("time", Instant.now().toString()).put("user", "u-" + marker)
                .put("host", "h-" + marker);
        return json(alert).getBytes(StandardCharsets.UTF_8);
    }

    /** One event of a vendor's shape (generic JSON, Okta, CloudTrail, Zeek conn, Suricata alert). */
    private static ObjectNode event(String marker, int kind, Random r) {
        String user = "user" + r.nextInt(5000);
        String src = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String dst = "198.51.100." + (1 + r.nextInt(254));
        int port = 1024 + r.nextInt(60000);
        // whole seconds: Suricata's form below appends its own fraction
        String time = Instant.now().minusSeconds(r.nextInt(3600)).truncatedTo(ChronoUnit.SECONDS).toString();
        return switch (kind) {
            case 0 -> object().put("time", time).put("event_type", "process_start").put("host", "ws-" + r.nextInt(2000))
                    .put("user", user).put("process_name", "cmd.exe").put("command_line", "cmd /c whoami")
                    .put("marker", marker);
            case 1 -> {
                ObjectNode okta = object().put("uuid", marker).put("published", time)
                        .put("eventType", "user.session.start").put("version", "0").put("severity", "INFO")
                        .put("displayMessage", "User login to Okta");
                okta.putObject("actor").put("id", "00u1").put("type", "User").put("alternateId", user + "@example.com")
                        .put("displayName", user);
                okta.putObject("client").put("ipAddress", dst);
                okta.putObject("outcome").put("result", "SUCCESS");
                okta.putArray("target");
                yield okta;
            }
            case 2 -> {
                ObjectNode trail = object().put("eventVersion", "1.08");
                trail.putObject("userIdentity").put("type", "IAMUser").put("userName", user)
                        .put("arn", "arn:aws:iam::123456789012:user/" + user);
                yield trail.put("eventTime", time).put("eventSource", "s3.amazonaws.com").put("eventName", "GetObject")
                        .put("awsRegion", "eu-west-1").put("sourceIPAddress", dst).put("eventID", marker)
                        .put("eventType", "AwsApiCall");
            }
            case 3 -> object().put("ts", time).put("uid", marker).put("id.orig_h", src).put("id.orig_p", port)
                    .put("id.resp_h", dst).put("id.resp_p", 443).put("proto", "tcp").put("conn_state", "SF")
                    .put("orig_bytes", 517).put("resp_bytes", 4120);
            default -> {
                ObjectNode eve = object().put("timestamp", time.replace("Z", ".000000+0000"))
                        .put("flow_id", r.nextLong()).put("event_type", "alert").put("src_ip", src)
                        .put("src_port", port).put("dest_ip", dst).put("dest_port", 443).put("proto", "TCP");
                eve.putObject("alert").put("signature_id", 2010935).put("signature", "ET POLICY " + marker)
                        .put("category", "Potentially Bad Traffic").put("severity", 2);
                yield eve;
            }
        };
    }

    private static ObjectNode object() {
        return JsonHttp.MAPPER.createObjectNode();
    }

    private static String json(ObjectNode node) {
        try {
            return JsonHttp.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
