package dev.watchfloor.reasoning.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.testing.TestTraces;
import dev.watchfloor.commons.trace.Trace;

/** The list, newest first, with each combination of its filters. */
@QuarkusTest
class InvestigationListTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Trace TRACE = TestTraces.SAMPLE;

    @Inject
    InvestigationRepository repository;

    @Inject
    Pool pool;

    @Test
    void listsNewestFirstByAlertByStatusAndByBoth() {
        String tenant = "t-list-" + UUID.randomUUID().toString().substring(0, 8);
        String older = insert(tenant, "a-1", "completed", 3);
        String middle = insert(tenant, "a-2", "failed", 2);
        String newer = insert(tenant, "a-3", "queued", 1);

        assertThat(ids(tenant, "", "", 10)).containsExactly(newer, middle, older);
        assertThat(ids(tenant, "", "", 2)).containsExactly(newer, middle);
        assertThat(ids(tenant, "a-1", "", 10)).containsExactly(older);
        assertThat(ids(tenant, "", "queued", 10)).containsExactly(newer);
        assertThat(ids(tenant, "", "failed", 10)).containsExactly(middle);
        assertThat(ids(tenant, "a-1", "completed", 10)).containsExactly(older);
        assertThat(ids(tenant, "a-2", "completed", 10)).isEmpty();
        assertThat(ids("t-list-nobody", "", "", 10)).isEmpty();
    }

    private List<String> ids(String tenant, String alertId, String status, int limit) {
        return repository.list(tenant, alertId, status, limit).await().atMost(WAIT).stream()
                .map(InvestigationSummary::id).toList();
    }

    private String insert(String tenant, String alertId, String status, int minutesAgo) {
        UUID id = UUID.randomUUID();
        repository.insertIfAbsent(TRACE, id, new NewInvestigation(tenant, alertId, "test", "t", 3,
                "2025-01-01T00:00:00Z", TRACE.traceparent(), TRACE.traceId()),
                AuditEntry.of(tenant,
                        "investigation.queued").alert(alertId).investigation(id.toString()))
                .await().atMost(WAIT);
        pool.preparedQuery("UPDATE reasoning.investigations SET status = $2, created_at = now() - "
                + "make_interval(mins => $3) WHERE id = $1").execute(Tuple.of(id, status, minutesAgo))
                .await().atMost(WAIT);
        return id.toString();
    }
}
