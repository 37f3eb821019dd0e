package dev.watchfloor.cli.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import dev.watchfloor.cli.api.TokenSource;

/**
 * Load for ingest's intake, shared by {@code bench-ingest} and {@code crash-ingest}: NDJSON batches of varied events
 * (generic JSON, Okta, CloudTrail, Zeek conn, Suricata alerts; each carrying a unique marker; written as vendor-shaped
 * text templates whose values are all generated here, digits, letters and dashes, so none needs escaping) and single
 * alerts (serialized by Jackson), posted with the SIEM client's token, optionally with an {@code Idempotency-Key}.
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
            out.append(event(run + "-" + (first + i), (int) ((first + i) % 5), random)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One alert unlike any other (its own host and marker). */
    static byte[] alert(String marker) {
        try {
            return dev.watchfloor.cli.api.JsonHttp.MAPPER.writeValueAsBytes(java.util.Map.of("title",
                    "Suspicious sign-in " + marker, "severity", "medium", "source", "bench", "time",
                    Instant.now().toString(), "user", "u-" + marker, "host", "h-" + marker));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String marker, int kind, Random r) {
        String user = "user" + r.nextInt(5000);
        String src = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String dst = "198.51.100." + (1 + r.nextInt(254));
        int port = 1024 + r.nextInt(60000);
        String time = Instant.now().minusSeconds(r.nextInt(3600)).toString();
        return switch (kind) {
            case 0 -> "{\"time\":\"" + time + "\",\"event_type\":\"process_start\",\"host\":\"ws-" + r.nextInt(2000)
                    + "\",\"user\":\"" + user + "\",\"process_name\":\"cmd.exe\",\"command_line\":\"cmd /c whoami\","
                    + "\"marker\":\"" + marker + "\"}";
            case 1 ->
                "{\"uuid\":\"" + marker + "\",\"published\":\"" + time + "\",\"eventType\":\"user.session.start\","
                        + "\"version\":\"0\",\"severity\":\"INFO\",\"displayMessage\":\"User login to Okta\",\"actor\":"
                        + "{\"id\":\"00u1\",\"type\":\"User\",\"alternateId\":\"" + user + "@example.com\","
                        + "\"displayName\":\"" + user + "\"},\"client\":{\"ipAddress\":\"" + dst + "\"},"
                        + "\"outcome\":{\"result\":\"SUCCESS\"},\"target\":[]}";
            case 2 -> "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user
                    + "\",\"arn\":\"arn:aws:iam::123456789012:user/" + user + "\"},\"eventTime\":\"" + time
                    + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":"
                    + "\"eu-west-1\",\"sourceIPAddress\":\"" + dst + "\",\"eventID\":\"" + marker
                    + "\",\"eventType\":\"AwsApiCall\"}";
            case 3 -> "{\"ts\":\"" + time + "\",\"uid\":\"" + marker + "\",\"id.orig_h\":\"" + src + "\",\"id.orig_p\":"
                    + port + ",\"id.resp_h\":\"" + dst + "\",\"id.resp_p\":443,\"proto\":\"tcp\",\"conn_state\":\"SF\","
                    + "\"orig_bytes\":517,\"resp_bytes\":4120}";
            default -> "{\"timestamp\":\"" + time.replace("Z", ".000000+0000") + "\",\"flow_id\":" + r.nextLong()
                    + ",\"event_type\":\"alert\",\"src_ip\":\"" + src + "\",\"src_port\":" + port + ",\"dest_ip\":\""
                    + dst + "\",\"dest_port\":443,\"proto\":\"TCP\",\"alert\":{\"signature_id\":2010935,"
                    + "\"signature\":\"ET POLICY " + marker + "\",\"category\":\"Potentially Bad Traffic\","
                    + "\"severity\":2}}";
        };
    }
}
