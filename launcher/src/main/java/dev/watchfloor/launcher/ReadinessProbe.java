package dev.watchfloor.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's SmallRye Health readiness endpoint whether it can take traffic. */
final class ReadinessProbe {

    enum Outcome {
        READY, DIED, TIMED_OUT
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(150);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private ReadinessProbe() {
    }

    static boolean isReady(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls until the endpoint answers 200, the process exits, or the timeout passes. */
    static Outcome await(Process process, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                return Outcome.DIED;
            }
            if (isReady(port)) {
                return Outcome.READY;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() > deadline) {
                return Outcome.TIMED_OUT;
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }
}
