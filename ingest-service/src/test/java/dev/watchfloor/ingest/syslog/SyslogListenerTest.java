package dev.watchfloor.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(value = SyslogTls.class, restrictToAnnotatedClass = true)
class SyslogListenerTest {

    @Inject
    SyslogListener listener;

    @Inject
    Pool pool;

    @Test
    void tcpFramesOfBothKindsUdpAndTlsAreStoredForTheConfiguredTenant() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String counted = "<38>1 2026-11-28T03:04:05.123Z fw-" + tag + " sshd 4242 - - counted " + tag;
        String line = "<86>Nov 28 03:04:06 host-" + tag + " sudo: line " + tag;
        try (Socket tcp = new Socket("127.0.0.1", listener.ports()[0]); OutputStream out = tcp.getOutputStream()) {
            byte[] frame = counted.getBytes(StandardCharsets.UTF_8);
            out.write((frame.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(frame);
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] datagram = ("<13>Nov 28 03:04:07 udp-" + tag + " app: datagram " + tag)
                    .getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName("127.0.0.1"),
                    listener.ports()[1]));
        }
        try (Socket tls = trustingAll().getSocketFactory().createSocket("127.0.0.1", listener.ports()[2]);
                OutputStream out = tls.getOutputStream()) {
            byte[] frame = ("<13>1 2026-11-28T03:04:08Z tls-" + tag + " app - - - secured " + tag)
                    .getBytes(StandardCharsets.UTF_8);
            out.write((frame.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(frame);
            out.flush();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> count(tag) == 4);
        Row counted1 = pool.preparedQuery("SELECT raw, body->'device'->>'hostname' AS host FROM ingest.events "
                + "WHERE tenant = 'acme' AND raw LIKE $1").execute(Tuple.of("%counted " + tag))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertThat(counted1.getString("raw")).isEqualTo(counted);
        assertThat(counted1.getString("host")).isEqualTo("fw-" + tag);
    }

    /** rsyslog (Debian's package) tails a file and forwards it with octet-counted framing, as RFC 5424. */
    @Test
    void rsyslogForwardsToTheListenerUnchanged() throws Exception {
        String tag = forward("WATCHFLOOR_RSYSLOGD", (dir, input) -> List.of("-n", "-f", config(dir, "rsyslog.conf",
                "module(load=\"imfile\")\nglobal(workDirectory=\"" + dir + "\")\n"
                        + "input(type=\"imfile\" File=\"" + input + "\" Tag=\"app\" Severity=\"warning\" "
                        + "Facility=\"local0\")\naction(type=\"omfwd\" target=\"127.0.0.1\" port=\""
                        + listener.ports()[0] + "\" protocol=\"tcp\" TCP_Framing=\"octet-counted\" "
                        + "template=\"RSYSLOG_SyslogProtocol23Format\")\n"),
                "-i", dir.resolve("pid").toString()));
        Row row = pool.preparedQuery("SELECT format, body->>'severity_id' AS severity FROM ingest.events "
                + "WHERE tenant = 'acme' AND raw LIKE $1").execute(Tuple.of("%second line " + tag))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertThat(row.getString("format")).startsWith("syslog");
        assertThat(row.getString("severity")).as("warning").isEqualTo("3");
    }

    /** syslog-ng (Debian's package, unpacked) tails a file and forwards it with its syslog() driver, RFC 5424. */
    @Test
    void syslogNgForwardsToTheListenerUnchanged() throws Exception {
        forward("WATCHFLOOR_SYSLOG_NG", (dir, input) -> List.of("-F", "-f", config(dir, "syslog-ng.conf",
                "@version: 3.38\noptions { chain-hostnames(no); };\n"
                        + "source s_in { file(\"" + input + "\" follow-freq(0.2) flags(no-parse)); };\n"
                        + "destination d_out { syslog(\"127.0.0.1\" transport(\"tcp\") port(" + listener.ports()[0]
                        + ")); };\nlog { source(s_in); destination(d_out); };\n"),
                "-R",
                dir.resolve("persist").toString(), "-p", dir.resolve("pid").toString(), "-c",
                dir.resolve("ctl").toString()));
    }

    /** A forwarder's arguments, given its working directory and the file it tails. */
    private interface Forwarder {

        List<String> arguments(Path dir, Path input) throws IOException;
    }

    /**
     * Runs the forwarder named by {@code env} (skipped when it is not installed) on a file with one line; once that
     * line is stored (so the forwarder follows the file), appends a second and waits for it. Answers the lines' tag.
     */
    private String forward(String env, Forwarder forwarder) throws Exception {
        String binary = System.getenv(env);
        Assumptions.assumeTrue(binary != null && Files.isExecutable(Path.of(binary)),
                env + " is not set (.ci/install-syslog.sh sets it)");
        Path dir = Files.createTempDirectory("forwarder");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path input = dir.resolve("in.log");
        Files.writeString(input, "first line " + tag + "\n");
        List<String> command = new java.util.ArrayList<>(List.of(binary));
        command.addAll(forwarder.arguments(dir, input));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("forwarder.out").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> count(tag) == 1);
            Files.writeString(input, "second line " + tag + "\n", java.nio.file.StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(tag) == 2);
        } finally {
            process.destroy();
            process.waitFor();
        }
        return tag;
    }

    private static String config(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    private long count(String tag) {
        return pool.preparedQuery("SELECT count(*) AS n FROM ingest.events WHERE tenant = 'acme' AND raw LIKE $1")
                .execute(Tuple.of("%" + tag + "%")).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getLong("n");
    }

    private static SSLContext trustingAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}
