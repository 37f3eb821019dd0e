package dev.watchfloor.commons.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Backoff;

/**
 * Delivers the audit outbox to governance's {@code Audit.AppendBatch}, oldest entry first, a tenant's claimed entries
 * in one call, each with its row id as idempotency key, so an entry sent twice (an answer lost, a lease that lapsed) is
 * stored once. Entries are claimed under a short lease and no transaction is open during a call, so replicas share the
 * work and a crashed replica's entries are taken over. A failed delivery leaves the entry pending with exponential
 * backoff and ends the pass, and a tenant's later entries wait for it, so each tenant's entries keep their order. Runs
 * every {@code watchfloor.audit.relay.poll-interval} and right after a transaction that recorded an entry commits; a
 * service without an {@code audit_outbox} table (governance) leaves it idle. The gauge
 * {@code watchfloor.audit.outbox.pending} counts undelivered entries.
 */
@ApplicationScoped
public class AuditRelay {

    /** The most bytes of details one call carries (gRPC's default message limit is 4 MiB). */
    static final long MAX_BATCH_BYTES = 1024 * 1024;

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
                .chain(claimed -> deliverByTenant(claimed).chain(pass -> {
                    int total = deliveredBefore + pass.delivered();
                    if (pass.blocked()) {
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

    /**
     * Each tenant's claimed entries go in order, in calls of at most {@link #MAX_BATCH_BYTES} of details; tenants one
     * after another. A failed call puts its entries in backoff and gives the tenant's later ones back (they wait for
     * the older ones), and the other tenants go on.
     */
    private Uni<Pass> deliverByTenant(List<PendingAudit> claimed) {
        Map<String, List<PendingAudit>> byTenant = new LinkedHashMap<>();
        claimed.forEach(p -> byTenant.computeIfAbsent(p.entry().tenant(), t -> new ArrayList<>()).add(p));
        return Multi.createFrom().iterable(byTenant.values())
                .onItem().transformToUniAndConcatenate(entries -> deliverInOrder(batches(entries), 0, 0))
                .collect().asList()
                .map(passes -> new Pass(passes.stream().mapToInt(Pass::delivered).sum(),
                        passes.stream().anyMatch(Pass::blocked)));
    }

    /** One tenant's entries cut into consecutive batches of bounded size. */
    private static List<List<PendingAudit>> batches(List<PendingAudit> entries) {
        List<List<PendingAudit>> batches = new ArrayList<>();
        List<PendingAudit> current = new ArrayList<>();
        long bytes = 0;
        for (PendingAudit p : entries) {
            long size = p.entry().detailsJson().length();
            if (!current.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(p);
            bytes += size;
        }
        batches.add(current);
        return batches;
    }

    /** Delivers batches.get(index) onwards; the first failure gives the rest back and ends the tenant's pass. */
    private Uni<Pass> deliverInOrder(List<List<PendingAudit>> batches, int index, int delivered) {
        if (index == batches.size()) {
            return Uni.createFrom().item(new Pass(delivered, false));
        }
        List<PendingAudit> batch = batches.get(index);
        return deliver(batch).chain(ok -> ok
                ? deliverInOrder(batches, index + 1, delivered + batch.size())
                : store.release(owner, batches.subList(index + 1, batches.size()).stream().flatMap(List::stream)
                        .map(PendingAudit::id).toList()).replaceWith(new Pass(delivered, true)));
    }

    /**
     * One call for the batch, in the recorded step's trace when the batch is a single entry, else in a trace of its own
     * (each entry still carries the trace id of its step to the ledger).
     */
    private Uni<Boolean> deliver(List<PendingAudit> batch) {
        PendingAudit first = batch.getFirst();
        String tenant = first.entry().tenant();
        List<UUID> ids = batch.stream().map(PendingAudit::id).toList();
        Map<String, String> attributes = Map.of("watchfloor.tenant", tenant, "watchfloor.audit.entries",
                Integer.toString(batch.size()), "watchfloor.audit.first_event", first.entry().eventType());
        Trace parent = Trace.fromTraceparent(batch.size() == 1 ? first.traceparent() : null);
        return spans.inSpan(parent, "audit.deliver", SpanKind.PRODUCER, attributes,
                trace -> client.appendBatch(trace, batch))
                .chain(() -> store.delivered(ids)).replaceWith(true)
                .onFailure().recoverWithUni(failure -> {
                    int attempt = batch.stream().mapToInt(PendingAudit::attempts).max().orElse(0) + 1;
                    Duration wait = backoff.after(attempt);
                    Log.warnf(
                            "Audit entries of tenant %s not delivered (%d from %s, %s; attempt %d), retrying in %s: %s",
                            tenant, batch.size(), first.id(), first.entry().eventType(), attempt, wait,
                            failure.toString());
                    return store.retryLater(ids, failure.toString(), wait).replaceWith(false);
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
