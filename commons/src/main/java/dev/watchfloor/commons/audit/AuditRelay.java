package dev.watchfloor.commons.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Backoff;

/**
 * Delivers the audit outbox to governance's {@code Audit.Append}, oldest entry first, each with its row id as
 * idempotency key, so an entry sent twice (an answer lost, a lease that lapsed) is stored once. Entries are claimed
 * under a short lease and no transaction is open during a call, so replicas share the work and a crashed replica's
 * entries are taken over. A failed delivery leaves the entry pending with exponential backoff and ends the pass, and a
 * tenant's later entries wait for it, so each tenant's entries keep their order. Runs every
 * {@code watchfloor.audit.relay.poll-interval} and right after a transaction that recorded an entry commits; a service
 * without an {@code audit_outbox} table (governance) leaves it idle. The gauge {@code watchfloor.audit.outbox.pending}
 * counts undelivered entries.
 */
@ApplicationScoped
public class AuditRelay {

    private final AuditOutboxStore store;
    private final AuditClient client;
    private final Spans spans;
    private final AuditConfig.Relay config;
    private final Backoff backoff;
    private final String owner = "audit-relay-" + UUID.randomUUID();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Boolean tablePresent;

    public AuditRelay(AuditOutboxStore store, AuditClient client, Spans spans, AuditConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.client = client;
        this.spans = spans;
        this.config = config.relay();
        this.backoff = new Backoff(this.config.backoffBase(), this.config.backoffMax());
        Gauge.builder("watchfloor.audit.outbox.pending", pending, AtomicLong::get)
                .description("Audit entries not yet delivered to governance").register(registry);
    }

    @Scheduled(identity = "audit-relay", every = "${watchfloor.audit.relay.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tablePresent()
                .onFailure().invoke(e -> Log.warnf("Audit relay cannot read %s: %s", store.table(), e.toString()))
                .onFailure().recoverWithItem(false)
                .chain(present -> present ? runExclusively() : Uni.createFrom().voidItem());
    }

    /** Asks for a pass now (after a commit that recorded an entry); one already running makes one more pass. */
    void nudge() {
        if (config.scheduled()) {
            runExclusively().subscribe().with(ignored -> {
            }, e -> Log.warnf("Audit relay pass failed: %s", e.toString()));
        }
    }

    /**
     * Delivers due entries until none is left or one fails; emits how many were delivered. Scheduled passes and nudges
     * call it; tests that disable the schedule ({@code poll-interval=off}) call it themselves.
     */
    public Uni<Integer> deliverPending() {
        return drain(0).call(pass -> store.countPending().invoke(count -> {
            pending.set(count);
            if (pass.blocked()) {
                Log.warnf("Audit outbox %s: %d entries pending, delivery resumes after the backoff", store.table(),
                        count);
            }
        })).map(Pass::delivered);
    }

    private record Pass(int delivered, boolean blocked) {
    }

    /** Claims and delivers batch after batch while batches come back full and nothing fails. */
    private Uni<Pass> drain(int deliveredBefore) {
        return store.claim(owner, config.lease(), config.batchSize())
                .chain(claimed -> deliverInOrder(claimed, 0, 0).chain(delivered -> {
                    int total = deliveredBefore + delivered;
                    if (delivered < claimed.size()) {
                        return Uni.createFrom().item(new Pass(total, true));
                    }
                    return claimed.size() == config.batchSize()
                            ? drain(total)
                            : Uni.createFrom().item(new Pass(total, false));
                }));
    }

    private Uni<Void> runExclusively() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return deliverPending().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Audit relay pass failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> running.set(false))
                .chain(() -> again.get() ? runExclusively() : Uni.createFrom().voidItem());
    }

    /** Delivers claimed.get(index) onwards one at a time; the first failure gives the rest back and ends the pass. */
    private Uni<Integer> deliverInOrder(List<PendingAudit> claimed, int index, int delivered) {
        if (index == claimed.size()) {
            return Uni.createFrom().item(delivered);
        }
        PendingAudit entry = claimed.get(index);
        return deliver(entry).chain(ok -> ok
                ? deliverInOrder(claimed, index + 1, delivered + 1)
                : store.release(owner, claimed.subList(index + 1, claimed.size()).stream().map(PendingAudit::id)
                        .toList()).replaceWith(delivered));
    }

    private Uni<Boolean> deliver(PendingAudit p) {
        AuditEntry e = p.entry();
        Map<String, String> ids = Map.of("watchfloor.tenant", e.tenant(), "watchfloor.audit.event", e.eventType(),
                "watchfloor.audit.idempotency_key", p.id().toString());
        return spans.inSpan(Trace.fromTraceparent(p.traceparent()), "audit.deliver", SpanKind.PRODUCER, ids,
                trace -> client.append(trace, p.traceId(), p.id(), e))
                .chain(() -> store.delivered(p.id())).replaceWith(true)
                .onFailure().recoverWithUni(failure -> {
                    Duration wait = backoff.after(p.attempts() + 1);
                    Log.warnf("Audit entry %s (%s, tenant %s) not delivered (attempt %d), retrying in %s: %s",
                            p.id(), e.eventType(), e.tenant(), p.attempts() + 1, wait, failure.toString());
                    return store.retryLater(p.id(), failure.toString(), wait).replaceWith(false);
                });
    }

    private Uni<Boolean> tablePresent() {
        if (tablePresent != null) {
            return Uni.createFrom().item(tablePresent);
        }
        return store.exists().invoke(present -> {
            tablePresent = present;
            if (!present) {
                Log.infof("No %s table: the audit relay stays idle in this service", store.table());
            }
        });
    }
}
