package dev.watchfloor.reasoning.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.testing.TestTraces;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;
import dev.watchfloor.reasoning.investigation.InvestigationRepository;
import dev.watchfloor.reasoning.investigation.NewInvestigation;

/** The queue keeps investigations through outages and ends those that keep killing workers. */
@QuarkusTest
class InvestigationQueueTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String TENANT = "tenant-queue";
    static final Trace TRACE = TestTraces.SAMPLE;
    static final int MAX_ATTEMPTS = 5;

    @Inject
    InvestigationRepository repository;
    @Inject
    InvestigationQueue queue;
    @Inject
    Pool pool;
    @Inject
    QueueGauges gauges;

    @Test
    void anOutageGivesTheAttemptBackAndWaitsLongerEachTimeInARow() {
        UUID id = submit();

        QueuedInvestigation first = leaseOnly(id);
        queue.retryAfterOutage(first, "peer unavailable: UNAVAILABLE", Duration.ofSeconds(1), Duration.ofSeconds(30))
                .await().atMost(WAIT);
        Row afterFirst = row(id);
        makeDue(id);
        QueuedInvestigation second = leaseOnly(id);
        queue.retryAfterOutage(second, "peer unavailable: UNAVAILABLE", Duration.ofSeconds(1), Duration.ofSeconds(30))
                .await().atMost(WAIT);
        Row afterSecond = row(id);

        assertThat(afterFirst.getString("status")).isEqualTo("queued");
        assertThat(afterFirst.getInteger("attempts")).isZero();
        assertThat(afterFirst.getDouble("wait")).isBetween(0.5, 1.5);
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(afterSecond.getInteger("attempts")).isZero();
        assertThat(afterSecond.getInteger("transient_failures")).isEqualTo(2);
        assertThat(afterSecond.getDouble("wait")).isBetween(1.5, 2.5);
        assertThat(afterSecond.getString("last_error")).startsWith("peer unavailable");
    }

    @Test
    void anAlertWhoseLeaseLapsesOnEveryAttemptEndsFailedWithTheReason() {
        UUID id = submit();

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(queue.failExhaustedLeases(MAX_ATTEMPTS).await().atMost(WAIT)).isZero();
            assertThat(leaseOnly(id).attempts()).isEqualTo(attempt);
            // the worker dies: its lease lapses (moving the lease, not the clock)
            pool.preparedQuery("UPDATE reasoning.investigations SET lease_until = now() - interval '1 second' "
                    + "WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT);
        }
        int ended = queue.failExhaustedLeases(MAX_ATTEMPTS).await().atMost(WAIT);

        assertThat(ended).isEqualTo(1);
        assertThat(row(id).getString("status")).isEqualTo("failed");
        assertThat(row(id).getString("last_error")).startsWith("the lease lapsed on attempt 5 of 5");
        assertThat(queue.lease("reasoning-test", 100, Duration.ofMinutes(1)).await().atMost(WAIT))
                .noneMatch(q -> q.id().equals(id));
    }

    @Test
    void aRunningReplicaKeepsItsLeaseAndNoOtherCanRenewIt() {
        UUID id = submit();
        leaseOnly(id);
        pool.preparedQuery("UPDATE reasoning.investigations SET lease_until = now() + interval '1 second' "
                + "WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT);

        assertThat(queue.renew("someone-else", List.of(id), Duration.ofMinutes(5)).await().atMost(WAIT)).isZero();
        assertThat(queue.renew("reasoning-test", List.of(id), Duration.ofMinutes(5)).await().atMost(WAIT))
                .isEqualTo(1);

        Row r = pool.preparedQuery("SELECT extract(epoch FROM lease_until - now()) AS left_s FROM "
                + "reasoning.investigations WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT).iterator()
                .next();
        assertThat(r.getDouble("left_s")).isGreaterThan(200);
        assertThat(queue.lease("reasoning-other", 100, Duration.ofMinutes(1)).await().atMost(WAIT))
                .noneMatch(q -> q.id().equals(id));
    }

    @Test
    void aRetriedAttemptFindsTheEvidenceTheFirstOneAssembled() {
        UUID id = submit();
        QueuedInvestigation first = leaseOnly(id);
        AssembleResponse assembled = AssembleResponse.newBuilder().setTokensUsed(42)
                .addItems(EvidenceItem.newBuilder().setId("ev-1").setSummary("the alert")).build();

        assertThat(queue.assembled(first).await().atMost(WAIT)).isNull();
        queue.keepAssembled(new QueuedInvestigation(id, TENANT, "a", "s", "t", 3, "", 1, "not-the-owner", 0, false),
                AssembleResponse.getDefaultInstance()).await().atMost(WAIT);
        assertThat(queue.assembled(first).await().atMost(WAIT)).as("only the lease owner keeps it").isNull();
        queue.keepAssembled(first, assembled).await().atMost(WAIT);
        // the worker dies; the next attempt reuses the assembly
        pool.preparedQuery("UPDATE reasoning.investigations SET lease_until = now() - interval '1 second' "
                + "WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT);
        QueuedInvestigation second = leaseOnly(id);

        assertThat(queue.assembled(second).await().atMost(WAIT)).isEqualTo(assembled);
        assertThat(first.kept()).as("a first attempt has nothing kept to read").isFalse();
        assertThat(second.kept()).isTrue();
    }

    @Test
    void aFailureWhoseMessageHoldsNulBytesOrRunsLongIsStoredAndTheInvestigationRequeued() {
        UUID id = submit();
        QueuedInvestigation q = leaseOnly(id);

        queue.fail(q, "peer answered \u0000\u0001 bytes " + "x".repeat(5000), 5, Duration.ZERO).await().atMost(WAIT);

        Row r = pool.preparedQuery("SELECT status, last_error FROM reasoning.investigations WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next();
        assertThat(r.getString("status")).isEqualTo("queued");
        assertThat(r.getString("last_error")).startsWith("peer answered \\u0000\u0001 bytes xxx")
                .hasSize(InvestigationQueue.MAX_ERROR_CHARS);
    }

    @Test
    void theQueueGaugesCountWhatWaitsAndRunsAndTheAgeOfTheOldestWaiting() {
        UUID id = submit();
        pool.preparedQuery("UPDATE reasoning.investigations SET created_at = now() - interval '1 hour' WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT);

        gauges.refresh().await().atMost(WAIT);

        assertThat(gauges.depth()).isPositive();
        assertThat(gauges.oldestSeconds()).isGreaterThanOrEqualTo(3600);
    }

    @Test
    void aRetriedAttemptFindsTheModelRunsTheFirstOneKeptByRoute() {
        UUID id = submit();
        QueuedInvestigation first = leaseOnly(id);
        JsonObject small = new JsonObject().put("failure", (String) null).put("calls", new JsonArray().add(
                new JsonObject().put("label", "run-1").put("inputTokens", 600)));
        JsonObject large = new JsonObject().put("calls", new JsonArray());

        assertThat(queue.keptModelRun(first, "hosted-small").await().atMost(WAIT)).isNull();
        queue.keepModelRun(new QueuedInvestigation(id, TENANT, "a", "s", "t", 3, "", 1, "not-the-owner", 0, false),
                "hosted-small", small).await().atMost(WAIT);
        assertThat(queue.keptModelRun(first, "hosted-small").await().atMost(WAIT)).as("only the lease owner keeps it")
                .isNull();
        queue.keepModelRun(first, "hosted-small", small).await().atMost(WAIT);
        queue.keepModelRun(first, "hosted-large", large).await().atMost(WAIT);
        pool.preparedQuery("UPDATE reasoning.investigations SET lease_until = now() - interval '1 second' "
                + "WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT);
        QueuedInvestigation second = leaseOnly(id);

        assertThat(queue.keptModelRun(second, "hosted-small").await().atMost(WAIT)).isEqualTo(small);
        assertThat(queue.keptModelRun(second, "hosted-large").await().atMost(WAIT)).isEqualTo(large);
        assertThat(queue.keptModelRun(second, "local").await().atMost(WAIT)).isNull();
    }

    @Test
    void queuingAnInvestigationNotifiesTheWorkersWhenItCommits() throws InterruptedException {
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        io.vertx.mutiny.pgclient.PgConnection listener = pool.getConnection()
                .map(io.vertx.mutiny.pgclient.PgConnection::cast).await().atMost(WAIT);
        try {
            listener.notificationHandler(n -> heard.add(n.getChannel()));
            listener.query("LISTEN " + WorkSignal.CHANNEL).execute().await().atMost(WAIT);

            submit();

            assertThat(heard.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(WorkSignal.CHANNEL);
        } finally {
            listener.closeAndAwait();
        }
    }

    @Test
    void tellsAPeersOutageFromAFailureOfTheInvestigation() {
        assertThat(Outages.isOutage(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        assertThat(Outages.isOutage(Status.DEADLINE_EXCEEDED.asRuntimeException())).isTrue();
        assertThat(Outages.isOutage(new CompletionException(new TimeoutException()))).isTrue();
        assertThat(Outages.isOutage(Status.INVALID_ARGUMENT.withDescription("bad target").asRuntimeException()))
                .isFalse();
        assertThat(Outages.isOutage(Status.PERMISSION_DENIED.asRuntimeException())).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("bug"))).isFalse();
    }

    private UUID submit() {
        UUID id = UUID.randomUUID();
        String alertId = "alert-" + id;
        NewInvestigation n = new NewInvestigation(TENANT, alertId, "test", "t", 3, "2025-01-01T00:00:00Z",
                TRACE.traceparent(), TRACE.traceId());
        repository.insertIfAbsent(TRACE, id, n, AuditEntry.of(TENANT, "investigation.queued").alert(alertId)
                .investigation(id.toString())).await().atMost(WAIT);
        return id;
    }

    /** Leases due work and gives back everything but this investigation (other tests' rows stay due). */
    private QueuedInvestigation leaseOnly(UUID id) {
        QueuedInvestigation mine = null;
        for (QueuedInvestigation q : queue.lease("reasoning-test", 100, Duration.ofMinutes(1)).await().atMost(WAIT)) {
            if (q.id().equals(id)) {
                mine = q;
            } else {
                pool.preparedQuery("UPDATE reasoning.investigations SET status = 'queued', attempts = attempts - 1, "
                        + "lease_owner = NULL, lease_until = NULL WHERE id = $1").execute(Tuple.of(q.id())).await()
                        .atMost(WAIT);
            }
        }
        assertThat(mine).as("investigation %s leased", id).isNotNull();
        return mine;
    }

    private void makeDue(UUID id) {
        pool.preparedQuery("UPDATE reasoning.investigations SET run_after = now() WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT);
    }

    private Row row(UUID id) {
        return pool.preparedQuery("SELECT status, attempts, transient_failures, last_error, "
                + "extract(epoch FROM run_after - now())::float8 AS wait FROM reasoning.investigations WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next();
    }
}
