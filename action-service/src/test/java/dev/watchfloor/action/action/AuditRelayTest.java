package dev.watchfloor.action.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.audit.AuditRelay;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;

/** The relay's order and sharing rules, on entries written straight to action-service's audit outbox. */
@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuditRelayTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AuditOutbox outbox;
    @Inject
    AuditRelay relay;
    @Inject
    Pool pool;

    @BeforeEach
    void deliverWhatOtherTestsLeftPending() {
        GovernanceStandIn.reset();
        deliver();
    }

    @Test
    void laterEntriesOfATenantWaitForAnOlderOneInBackoffWhileOtherTenantsProceed() {
        String waiting = "tenant-" + UUID.randomUUID();
        String other = "tenant-" + UUID.randomUUID();
        UUID first = record(waiting, "test.first");
        record(waiting, "test.second");
        UUID unrelated = record(other, "test.other");
        update("UPDATE action.audit_outbox SET next_attempt_at = now() + interval '1 hour' WHERE id = $1", first);

        deliver();

        assertThat(ledgerOf(waiting)).isEmpty();
        assertThat(ledgerOf(other)).extracting(AppendAuditRequest::getIdempotencyKey)
                .containsExactly(unrelated.toString());

        update("UPDATE action.audit_outbox SET next_attempt_at = now() WHERE id = $1", first);
        deliver();

        assertThat(ledgerOf(waiting)).extracting(AppendAuditRequest::getEventType)
                .containsExactly("test.first", "test.second");
    }

    @Test
    void aTenantsBacklogGoesInOneCallInOrderAndAFailedCallKeepsItAllForLater() {
        String tenant = "tenant-" + UUID.randomUUID();
        List<String> types = java.util.stream.IntStream.range(0, 7).mapToObj(i -> "test.backlog-" + i).toList();
        types.forEach(type -> record(tenant, type));
        GovernanceStandIn.unavailable = true;
        try {
            deliver();
        } finally {
            GovernanceStandIn.unavailable = false;
        }
        assertThat(ledgerOf(tenant)).isEmpty();
        assertThat(pending(tenant)).isEqualTo(7);
        pool.preparedQuery("UPDATE action.audit_outbox SET next_attempt_at = now() WHERE tenant = $1")
                .execute(Tuple.of(tenant)).await().atMost(WAIT);
        int callsBefore = GovernanceStandIn.BATCH_SIZES.size();

        deliver();

        assertThat(ledgerOf(tenant)).extracting(AppendAuditRequest::getEventType).containsExactlyElementsOf(types);
        assertThat(GovernanceStandIn.BATCH_SIZES.subList(callsBefore, GovernanceStandIn.BATCH_SIZES.size()))
                .containsExactly(7);
        assertThat(pending(tenant)).isZero();
    }

    @Test
    void entryLeasedByALiveReplicaIsLeftToItAndALapsedLeaseIsTakenOver() {
        String liveTenant = "tenant-" + UUID.randomUUID();
        String crashedTenant = "tenant-" + UUID.randomUUID();
        UUID live = record(liveTenant, "test.live");
        UUID lapsed = record(crashedTenant, "test.lapsed");
        update("UPDATE action.audit_outbox SET lease_owner = 'other-replica', "
                + "lease_until = now() + interval '1 hour' WHERE id = $1", live);
        update("UPDATE action.audit_outbox SET lease_owner = 'crashed-replica', "
                + "lease_until = now() - interval '1 second' WHERE id = $1", lapsed);
        try {
            deliver();

            assertThat(ledgerOf(liveTenant)).isEmpty();
            assertThat(ledgerOf(crashedTenant)).extracting(AppendAuditRequest::getIdempotencyKey)
                    .containsExactly(lapsed.toString());
        } finally {
            update("UPDATE action.audit_outbox SET lease_owner = NULL, lease_until = NULL WHERE id = $1", live);
            deliver();
        }
    }

    private UUID record(String tenant, String eventType) {
        return pool.withTransaction(tx -> outbox.record(tx, Trace.fromTraceparent(null), AuditEntry.of(tenant,
                eventType))).await().atMost(WAIT);
    }

    private long pending(String tenant) {
        return pool.preparedQuery("SELECT count(*) AS n FROM action.audit_outbox WHERE tenant = $1 "
                + "AND delivered_at IS NULL").execute(Tuple.of(tenant)).await().atMost(WAIT).iterator().next()
                .getLong("n");
    }

    private void update(String sql, UUID id) {
        pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(WAIT);
    }

    private void deliver() {
        relay.deliverPending().await().atMost(WAIT);
    }

    private static List<AppendAuditRequest> ledgerOf(String tenant) {
        return GovernanceStandIn.AUDIT.stream().filter(a -> a.getTenant().equals(tenant)).toList();
    }
}
