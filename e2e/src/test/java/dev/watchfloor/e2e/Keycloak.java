package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Keycloak, the external OIDC issuer of the e2e tests: the server distribution Maven unpacked into
 * e2e/target/keycloak (system property {@code keycloak.home}), started in dev mode as a child process on a given
 * 127.0.0.1 port, with a fresh H2 database under its home. Its log goes to e2e/target/keycloak/keycloak.log.
 */
final class Keycloak implements AutoCloseable {

    /** A confidential client of a realm, and its secret. */
    record Client(String realm, String clientId, String secret) {
    }

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    /** About 45 s when the machine is quiet, 75 s beside a running mesh on two cores. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String url;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Keycloak(int port, Process process, Path log) {
        this.url = url(port);
        this.process = process;
        this.log = log;
    }

    /** The issuer URL of a realm of a Keycloak on this port, as its tokens carry it in {@code iss}. */
    static String issuer(int port, String realm) {
        return url(port) + "/realms/" + realm;
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Starts Keycloak on the port and returns once it answers, or fails with the tail of its log. */
    static Keycloak start(int port) throws IOException {
        String home = System.getProperty("keycloak.home");
        if (home == null) {
            throw new IllegalStateException("system property keycloak.home is not set; run the e2e module through "
                    + "Maven, which unpacks Keycloak into e2e/target/keycloak");
        }
        Path dir = Path.of(home);
        deleteRecursively(dir.resolve("data"));
        Path log = dir.resolveSibling("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", dir.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Keycloak keycloak = new Keycloak(port, builder.start(), log);
        try {
            keycloak.awaitReady();
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** The admin API, signed in as the bootstrap admin of the master realm (admin-cli, password grant). */
    KeycloakAdmin admin() {
        return new KeycloakAdmin(url, token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN_USER, "password", ADMIN_PASSWORD)));
    }

    /** An access token of the client (client-credentials grant). */
    String token(Client client) {
        return token(client.realm(), Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                "client_secret", client.secret()));
    }

    private String token(String realm, Map<String, String> form) {
        return given().baseUri(url).contentType("application/x-www-form-urlencoded").formParams(form).when()
                .post("/realms/{realm}/protocol/openid-connect/token", realm).then().statusCode(200).extract()
                .path("access_token");
    }

    private void awaitReady() {
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(this::answers);
        } catch (ConditionTimeoutException e) {
            throw failure("did not answer " + url + "/realms/master within " + READY_TIMEOUT.toSeconds() + " s");
        }
    }

    private boolean answers() throws InterruptedException {
        if (!process.isAlive()) {
            throw failure("exited with status " + process.exitValue() + " before it was ready");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/realms/master"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private IllegalStateException failure(String what) {
        String tail;
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            tail = String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            tail = "(log unreadable: " + e.getMessage() + ")";
        }
        return new IllegalStateException("Keycloak " + what + "; last lines of " + log + ":\n" + tail);
    }

    /** Stops Keycloak and the JVM kc.sh may still be running to build it. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
