package dev.watchfloor.governance.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.watchfloor.ledger.AuditRecord;
import dev.watchfloor.ledger.ChainHash;
import dev.watchfloor.ledger.ChainVerifier;
import dev.watchfloor.ledger.VerificationReport;

/**
 * The tenant's hash-chained audit ledger (the chain's rules are {@code dev.watchfloor.ledger}): append links each entry
 * to the previous one under a per-tenant lock, answers the stored entry again for a repeated idempotency key, and signs
 * a checkpoint of the head every {@code checkpoint-every} entries; verify walks the chain page by page against the
 * signed checkpoints and names the first entry or checkpoint that does not hold.
 */
@ApplicationScoped
public class AuditLedger {

    private static final int PAGE = 5000;

    private final AuditRepository repository;
    private final CheckpointKeys keys;
    private final int checkpointEvery;

    public AuditLedger(AuditRepository repository, CheckpointKeys keys, AuditConfig config) {
        this.repository = repository;
        this.keys = keys;
        this.checkpointEvery = Math.max(1, config.checkpointEvery());
    }

    /** Appends an entry; id, seq, time and hashes are assigned here. Idempotent on the draft's idempotency key. */
    public Uni<AuditRecord> append(AuditRecord draft) {
        return appendAll(List.of(draft)).map(List::getFirst);
    }

    /**
     * Appends entries in the order given, in one transaction: all or none. Each tenant's chain is locked once, tenants
     * in name order (so two batches naming the same tenants cannot deadlock). Emits the stored entries in the order
     * given; an entry whose idempotency key is already stored, or repeated earlier in the batch, is answered as stored.
     */
    public Uni<List<AuditRecord>> appendAll(List<AuditRecord> drafts) {
        return repository.pool().withTransaction(conn -> appendAllIn(conn, drafts));
    }

    /**
     * Appends entries, in the order given, inside the caller's transaction, so the changes they describe and the
     * entries commit together (or none does); each tenant's chain lock is held until that transaction ends. See
     * {@link #appendAll}.
     */
    public Uni<List<AuditRecord>> appendAllIn(SqlConnection conn, List<AuditRecord> drafts) {
        Map<String, List<AuditRecord>> byTenant = new TreeMap<>();
        drafts.forEach(d -> byTenant.computeIfAbsent(d.tenant(), t -> new ArrayList<>()).add(d));
        Map<AuditRecord, AuditRecord> stored = new IdentityHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<AuditRecord> ofTenant : byTenant.values()) {
            chain = chain.chain(() -> appendTenant(conn, ofTenant).invoke(stored::putAll)).replaceWithVoid();
        }
        return chain.map(done -> drafts.stream().map(stored::get).toList());
    }

    /** One tenant's drafts, under its chain lock: repeats answered as stored, the rest linked after the head. */
    private Uni<Map<AuditRecord, AuditRecord>> appendTenant(SqlConnection conn, List<AuditRecord> drafts) {
        String tenant = drafts.getFirst().tenant();
        List<String> keys = drafts.stream().map(AuditRecord::idempotencyKey).filter(k -> !k.isEmpty()).distinct()
                .toList();
        return repository.lockChain(conn, tenant)
                .chain(() -> keys.isEmpty()
                        ? Uni.createFrom().item(Map.<String, AuditRecord>of())
                        : repository.byIdempotencyKeys(conn, tenant, keys))
                .chain(known -> repository.last(conn, tenant).chain(head -> {
                    Map<String, AuditRecord> byKey = new HashMap<>(known);
                    Map<AuditRecord, AuditRecord> result = new IdentityHashMap<>();
                    List<AuditRecord> fresh = new ArrayList<>();
                    AuditRecord previous = head;
                    for (AuditRecord draft : drafts) {
                        AuditRecord existing = draft.idempotencyKey().isEmpty()
                                ? null
                                : byKey.get(draft.idempotencyKey());
                        if (existing == null) {
                            existing = link(draft, previous);
                            previous = existing;
                            fresh.add(existing);
                            if (!draft.idempotencyKey().isEmpty()) {
                                byKey.put(draft.idempotencyKey(), existing);
                            }
                        }
                        result.put(draft, existing);
                    }
                    return insert(conn, fresh).replaceWith(result);
                }));
    }

    /** Inserts linked entries and signs a checkpoint at each multiple of {@code checkpoint-every} among them. */
    private Uni<Void> insert(SqlConnection conn, List<AuditRecord> linked) {
        if (linked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> insert = repository.insertAll(conn, linked);
        for (AuditRecord entry : linked) {
            if (entry.seq() % checkpointEvery == 0) {
                insert = insert.chain(() -> checkpoint(conn, entry));
            }
        }
        return insert;
    }

    /** Signs a checkpoint of the tenant's current head, unless it has one; runs under the chain's lock. */
    public Uni<Void> checkpointHead(String tenant) {
        return repository.pool().withTransaction(conn -> repository.lockChain(conn, tenant)
                .chain(() -> repository.last(conn, tenant))
                .chain(head -> head == null ? Uni.createFrom().voidItem() : checkpoint(conn, head)));
    }

    private Uni<Void> checkpoint(SqlConnection conn, AuditRecord head) {
        return keys.signer().chain(signer -> repository.insertCheckpoint(conn,
                signer.sign(head.tenant(), head.seq(), head.hash(), LedgerTime.now())));
    }

    /** Verifies the whole chain of the tenant. */
    public Uni<VerificationReport> verify(String tenant) {
        return verify(tenant, 1, Long.MAX_VALUE);
    }

    /**
     * Verifies entries fromSeq..toSeq (1..MAX: all) and the checkpoints among them; a range starts from the stored hash
     * of the entry before it.
     */
    public Uni<VerificationReport> verify(String tenant, long fromSeq, long toSeq) {
        Uni<String> prevHash = fromSeq <= 1
                ? Uni.createFrom().item(ChainHash.GENESIS)
                : repository.hashAt(tenant, fromSeq - 1).map(h -> h == null ? ChainHash.GENESIS : h);
        return Uni.combine().all().unis(keys.verifier(), repository.checkpoints(tenant), prevHash).asTuple()
                .chain(t -> {
                    ChainVerifier verifier = fromSeq <= 1 && toSeq == Long.MAX_VALUE
                            ? ChainVerifier.forTenant(tenant, t.getItem1())
                            : ChainVerifier.forRange(tenant, t.getItem1(), Math.max(1, fromSeq), toSeq,
                                    t.getItem3());
                    t.getItem2().forEach(verifier::checkpoint);
                    return feed(verifier, tenant, Math.max(1, fromSeq) - 1, toSeq);
                });
    }

    private Uni<VerificationReport> feed(ChainVerifier verifier, String tenant, long afterSeq, long toSeq) {
        return repository.page(tenant, afterSeq, toSeq, PAGE).chain(entries -> {
            for (AuditRecord e : entries) {
                if (!verifier.accept(e)) {
                    return Uni.createFrom().item(verifier.finish());
                }
            }
            if (entries.size() < PAGE) {
                return Uni.createFrom().item(verifier.finish());
            }
            return feed(verifier, tenant, last(entries).seq(), toSeq);
        });
    }

    private static AuditRecord link(AuditRecord d, AuditRecord previous) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? ChainHash.GENESIS : previous.hash();
        return new AuditRecord(AuditRepository.newId(), d.tenant(), seq, LedgerTime.now(), d.actor(),
                d.onBehalfOf(), d.eventType(), d.alertId(), d.investigationId(), d.actionId(), d.traceId(),
                d.idempotencyKey(), d.details(), "", "").chainedAfter(prevHash);
    }

    private static AuditRecord last(List<AuditRecord> entries) {
        return entries.get(entries.size() - 1);
    }
}
