package dev.watchfloor.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.pgclient.PgException;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.IngestConfig;

class AdmissionTest {

    @Test
    void beyondTheInFlightLimitTheAnswerIs503WithRetryAfterAndAFinishedRequestFreesItsPlace() {
        Admission admission = new Admission(config(1));
        Uni<String> pending = Uni.createFrom().emitter(e -> {
        });
        UniAssertSubscriber<String> first = admission.admit(() -> pending)
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        ProblemException busy = (ProblemException) admission.admit(() -> Uni.createFrom().item("x"))
                .subscribe().withSubscriber(UniAssertSubscriber.create()).getFailure();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.extensions()).containsEntry(ProblemException.RETRY_AFTER, 3);

        first.cancel();
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.admit(() -> Uni.createFrom().item("x")).await().indefinitely()).isEqualTo("x");
    }

    @Test
    void aDatabaseThatCannotTakeWritesIs503NotA500() {
        Admission admission = new Admission(config(4));
        Throwable down = admission.admit(() -> Uni.createFrom().failure(new RuntimeException("wrapped",
                new ConnectException("Connection refused")))).subscribe()
                .withSubscriber(UniAssertSubscriber.create()).getFailure();

        assertThat(down).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) down).status()).isEqualTo(503);
        assertThat(Admission.databaseUnavailable(new PgException("terminating connection", "FATAL", "57P01",
                null))).isTrue();
        assertThat(Admission.databaseUnavailable(new PgException("duplicate key", "ERROR", "23505", null)))
                .as("a constraint violation is a bug, not an outage").isFalse();
        assertThat(Admission.databaseUnavailable(ProblemException.badRequest("x", "y"))).isFalse();
        assertThat(admission.inFlight()).isZero();
    }

    private static IngestConfig config(int maxInFlight) {
        return (IngestConfig) java.lang.reflect.Proxy.newProxyInstance(AdmissionTest.class.getClassLoader(),
                new Class<?>[]{IngestConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxInFlight" -> maxInFlight;
                    case "retryAfter" -> Duration.ofSeconds(3);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
