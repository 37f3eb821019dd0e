package dev.watchfloor.reasoning.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.testing.TestTraces;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.reasoning.queue.InvestigationQueue;
import dev.watchfloor.reasoning.queue.Outcome;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;

/** Reasoning's audit entries are written in the transaction of the change they describe, or not at all. */
@QuarkusTest
class InvestigationAuditTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String TENANT = "tenant-audit";
    static final Trace TRACE = TestTraces.SAMPLE;

    @Inject
    InvestigationRepository repository;
    @Inject
    InvestigationQueue queue;
    @Inject
    AuditOutbox outbox;
    @Inject
    Pool pool;

    @Test
    void queuingAnInvestigationRecordsItsAuditEntryOnceWithTheTraceItRanIn() {
        String alertId = "alert-" + UUID.randomUUID();

        var created = submit(alertId);
        var repeated = submit(alertId);

        assertThat(created.created()).isTrue();
        assertThat(repeated.created()).isFalse();
        assertThat(repeated.id()).isEqualTo(created.id());
        assertThat(entriesOf(alertId)).singleElement().satisfies(row -> {
            assertThat(row.eventType()).isEqualTo("investigation.queued");
            assertThat(row.investigationId()).isEqualTo(created.id().toString());
            assertThat(row.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(row.traceparent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        });
    }

    @Test
    void completionIsAuditedOnlyByTheReplicaStillHoldingTheLease() {
        String alertId = "alert-" + UUID.randomUUID();
        UUID id = submit(alertId).id();
        QueuedInvestigation leased = queue.lease("reasoning-test", 100, Duration.ofMinutes(1)).await().atMost(WAIT)
                .stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
        QueuedInvestigation lostLease = new QueuedInvestigation(id, TENANT, alertId, "test", "t", 3, null, 1,
                "reasoning-other", 0, false);

        boolean lost = complete(lostLease);
        boolean won = complete(leased);
        boolean again = complete(leased);

        assertThat(List.of(lost, won, again)).containsExactly(false, true, false);
        assertThat(entriesOf(alertId)).extracting(Row::eventType)
                .containsExactly("investigation.queued", "investigation.completed");
    }

    @Test
    void rolledBackTransactionLeavesNoAuditEntry() {
        String alertId = "alert-" + UUID.randomUUID();
        AuditEntry entry = AuditEntry.of(TENANT, "investigation.queued").alert(alertId);

        assertThatThrownBy(() -> pool.withTransaction(tx -> outbox.record(tx, TRACE, entry)
                .chain(key -> Uni.createFrom().failure(new IllegalStateException("change failed after " + key))))
                .await().atMost(WAIT)).hasMessageStartingWith("change failed after ");

        assertThat(entriesOf(alertId)).isEmpty();
    }

    private InvestigationRepository.Created submit(String alertId) {
        UUID id = UUID.randomUUID();
        NewInvestigation n = new NewInvestigation(TENANT, alertId, "test", "t", 3, "2025-01-01T00:00:00Z",
                TRACE.traceparent(), TRACE.traceId());
        return repository.insertIfAbsent(TRACE, id, n, AuditEntry.of(TENANT, "investigation.queued").alert(alertId)
                .investigation(id.toString())).await().atMost(WAIT);
    }

    private boolean complete(QueuedInvestigation q) {
        AuditEntry completed = AuditEntry.of(TENANT, "investigation.completed").alert(q.alertId())
                .investigation(q.id().toString());
        return queue.complete(TRACE, q, new Outcome("benign", "low", 0.9, new JsonObject()), completed).await()
                .atMost(WAIT);
    }

    record Row(String eventType, String investigationId, String traceId, String traceparent) {
    }

    private List<Row> entriesOf(String alertId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT event_type, investigation_id, trace_id, traceparent FROM reasoning.audit_outbox "
                + "WHERE alert_id = $1 ORDER BY seq").execute(Tuple.of(alertId)).await().atMost(WAIT)
                .forEach(r -> rows.add(new Row(r.getString("event_type"), r.getString("investigation_id"),
                        r.getString("trace_id"), r.getString("traceparent"))));
        return rows;
    }
}
