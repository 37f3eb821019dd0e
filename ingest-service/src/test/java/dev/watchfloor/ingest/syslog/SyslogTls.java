package dev.watchfloor.ingest.syslog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Turns the syslog listener on for tests, on free ports, with TLS from a self-signed certificate that openssl makes
 * (Vert.x's own generator needs Bouncy Castle on this JDK).
 */
public class SyslogTls implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("syslog-tls");
            Path key = dir.resolve("key.pem");
            Path cert = dir.resolve("cert.pem");
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.out").toFile()).start();
            if (openssl.waitFor() != 0) {
                throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.out")));
            }
            return Map.of("watchfloor.ingest.syslog.enabled", "true", "watchfloor.ingest.syslog.tenant", "acme",
                    "watchfloor.ingest.syslog.host", "127.0.0.1", "watchfloor.ingest.syslog.tcp-port", "0",
                    "watchfloor.ingest.syslog.udp-port", "0", "watchfloor.ingest.syslog.tls.port", "0",
                    "watchfloor.ingest.syslog.tls.cert", cert.toString(), "watchfloor.ingest.syslog.tls.key",
                    key.toString(), "watchfloor.ingest.syslog.flush-interval", "PT0.05S");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
