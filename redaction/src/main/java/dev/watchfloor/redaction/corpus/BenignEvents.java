package dev.watchfloor.redaction.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OCSF-like events with nothing to redact, but full of what a careless detector would take for a secret: UUIDs, IPv4
 * and IPv6 addresses, ports, epoch millis, ISO timestamps, SHA-256 and MD5 hashes, SSH key fingerprints, paths, user
 * agents, URL-encoded queries and PowerShell encoded commands.
 */
final class BenignEvents {

    enum Kind {
        AUTH, PROCESS, NETWORK, HTTP
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] USERS = {"deploy", "svc-backup", "jenkins", "a.rossi", "root", "k.tanaka"};
    private static final String[] HOSTS = {"web-01.prod.internal", "db-02.prod.internal", "build-7", "WKSTN-0423"};
    private static final String[] AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            "curl/8.5.0", "python-requests/2.31.0", "okhttp/4.12.0"};
    private static final String[] COMMANDS = {"/usr/bin/curl -s https://repo.internal/api/v1/items?page=2&limit=50",
            "/bin/bash -c 'tar czf /var/backups/etc-2024-05-01.tgz /etc'",
            "C:\\Windows\\System32\\svchost.exe -k netsvcs -p",
            "/usr/sbin/sshd -D -o AuthorizedKeysCommand=/usr/bin/sss_ssh_authorizedkeys"};

    private final Random random;

    BenignEvents(Random random) {
        this.random = random;
    }

    Kind kind() {
        return Kind.values()[random.nextInt(Kind.values().length)];
    }

    String title(Kind kind, ObjectNode event) {
        return switch (kind) {
            case AUTH -> "Authentication for " + event.path("actor").path("user").path("name").asText() + " from "
                    + event.path("src_endpoint").path("ip").asText();
            case PROCESS -> "Process started on " + event.path("device").path("hostname").asText();
            case NETWORK -> "Outbound connection to " + event.path("dst_endpoint").path("ip").asText() + ":"
                    + event.path("dst_endpoint").path("port").asText();
            case HTTP -> "HTTP request to " + event.path("http_request").path("url").path("hostname").asText();
        };
    }

    ObjectNode event(Kind kind) {
        long millis = 1_714_500_000_000L + random.nextInt(1_000_000_000);
        ObjectNode event = NODES.objectNode();
        event.put("class_uid", 3002 + kind.ordinal()).put("category_uid", 3).put("activity_id", 1 + random.nextInt(3));
        event.put("severity_id", 1 + random.nextInt(4)).put("time", millis);
        event.put("time_dt", Instant.ofEpochMilli(millis).toString());
        ObjectNode metadata = event.putObject("metadata");
        metadata.put("uid", uuid()).put("version", "1.3.0").put("log_name", "security");
        metadata.putObject("product").put("name", "Sensor").put("vendor_name", "Watchfloor Labs").put("version",
                "5.2.19045.3803");
        event.putObject("device").put("hostname", pick(HOSTS)).put("ip", ipv4()).put("uid", uuid());
        event.putObject("src_endpoint").put("ip", ipv4()).put("port", 1024 + random.nextInt(60000));
        event.putObject("dst_endpoint").put("ip", random.nextInt(4) == 0 ? ipv6() : ipv4()).put("port",
                pick(443, 22, 3389, 5432));
        event.putObject("actor").putObject("user").put("name", pick(USERS))
                .put("uid", "S-1-5-21-" + random.nextInt(1 << 30) + "-1104")
                .put("domain", "CORP");
        switch (kind) {
            case AUTH -> auth(event);
            case PROCESS -> process(event);
            case NETWORK -> network(event);
            case HTTP -> http(event);
        }
        event.putArray("observables").addObject().put("name", "src_endpoint.ip").put("type_id", 2)
                .put("value", event.path("src_endpoint").path("ip").asText());
        event.putObject("unmapped").put("ingest_id", uuid())
                .put("received_at", Instant.ofEpochMilli(millis + 850).toString())
                .put("raw_sha256", hex(32)).put("shard", random.nextInt(16));
        return event;
    }

    private void auth(ObjectNode event) {
        event.put("auth_protocol", pick("Kerberos", "NTLM", "SAML", "OpenSSH")).put("logon_type", "Network")
                .put("status", "Success");
        event.put("message", "Accepted publickey for " + pick(USERS) + " from " + ipv4() + " port "
                + (1024 + random.nextInt(60000)) + " ssh2: ED25519 SHA256:" + fingerprint());
        event.putObject("session").put("uid", uuid()).put("created_time",
                1_714_500_000_000L + random.nextInt(1_000_000));
    }

    private void process(ObjectNode event) {
        ObjectNode process = event.putObject("process").put("pid", 1000 + random.nextInt(60000));
        process.put("cmd_line", random.nextInt(5) == 0 ? encodedPowerShell() : pick(COMMANDS));
        ObjectNode file = process.putObject("file").put("path",
                pick("/usr/bin/curl", "/bin/bash", "C:\\Windows\\System32\\svchost.exe"));
        file.putArray("hashes").add(NODES.objectNode().put("algorithm", "SHA-256").put("value", hex(32)))
                .add(NODES.objectNode().put("algorithm", "MD5").put("value", hex(16)));
        process.putObject("parent_process").put("pid", 1 + random.nextInt(999)).put("name", "systemd");
        event.put("message",
                "Process " + process.path("pid").asText() + " started at " + event.path("time_dt").asText());
    }

    private void network(ObjectNode event) {
        event.putObject("connection_info").put("protocol_name", "tcp").put("direction", "Outbound").put("uid", uuid());
        event.putObject("traffic").put("bytes_in", random.nextInt(1 << 20)).put("bytes_out", random.nextInt(1 << 16))
                .put("packets", random.nextInt(5000));
        event.put("message", "Connection from " + ipv4() + ":" + (1024 + random.nextInt(60000)) + " closed after "
                + random.nextInt(900) + "s, mac 00:1a:2b:" + hex(1) + ":" + hex(1) + ":" + hex(1));
    }

    private void http(ObjectNode event) {
        ObjectNode request = event.putObject("http_request").put("http_method", pick("GET", "POST")).put("user_agent",
                pick(AGENTS));
        request.putObject("url").put("scheme", "https").put("hostname", "api.shop.example.net").put("port", 443)
                .put("path", "/api/v1/orders/" + uuid())
                .put("query_string", "page=" + random.nextInt(9) + "&q=quarterly%20report%202024");
        request.put("referrer", "https://shop.example.net/cart?session=" + uuid());
        event.putObject("http_response").put("code", pick(200, 302, 404)).put("latency", random.nextInt(900));
        event.put("message", "GET /api/v1/orders HTTP/1.1 200 " + random.nextInt(90000) + " 2024-05-01 10:22:33.123");
    }

    private String encodedPowerShell() {
        String command = "Get-ChildItem -Path C:\\Users\\Public -Recurse | Measure-Object";
        return "powershell.exe -NoProfile -EncodedCommand "
                + Base64.getEncoder().encodeToString(command.getBytes(StandardCharsets.UTF_16LE));
    }

    private String fingerprint() {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        return Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String ipv4() {
        return (10 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254));
    }

    private String ipv6() {
        return "2001:db8:" + hex(2) + "::" + hex(2);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
