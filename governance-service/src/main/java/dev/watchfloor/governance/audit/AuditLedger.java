package dev.watchfloor.governance.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The tenant's hash-chained audit ledger: append links each entry to the previous one under a per-tenant lock; verify
 * walks the chain and names the first entry whose link or content does not hold.
 */
@ApplicationScoped
public class AuditLedger {

    private static final int PAGE = 1000;

    private final AuditRepository repository;

    public AuditLedger(AuditRepository repository) {
        this.repository = repository;
    }

    /** Appends an entry; id, seq, time and hashes are assigned here. */
    public Uni<LedgerEntry> append(LedgerEntry draft) {
        return repository.pool().withTransaction(conn -> repository.lockChain(conn, draft.tenant())
                .chain(() -> repository.last(conn, draft.tenant()))
                .chain(previous -> {
                    LedgerEntry linked = link(draft, previous);
                    return repository.insert(conn, linked).replaceWith(linked);
                }));
    }

    public Uni<ChainReport> verify(String tenant) {
        return verifyFrom(tenant, 0, AuditHasher.GENESIS, 0);
    }

    private Uni<ChainReport> verifyFrom(String tenant, long afterSeq, String expectedPrev, long checked) {
        return repository.page(tenant, afterSeq, PAGE).chain(entries -> {
            String prev = expectedPrev;
            long expectedSeq = afterSeq + 1;
            for (LedgerEntry e : entries) {
                String problem = check(e, expectedSeq, prev);
                if (problem != null) {
                    return Uni.createFrom().item(ChainReport.broken(tenant, checked + (expectedSeq - afterSeq - 1),
                            e, problem));
                }
                prev = e.hash();
                expectedSeq++;
            }
            long total = checked + entries.size();
            if (entries.size() < PAGE) {
                return Uni.createFrom().item(ChainReport.intact(tenant, total, prev));
            }
            return verifyFrom(tenant, last(entries).seq(), prev, total);
        });
    }

    private static String check(LedgerEntry e, long expectedSeq, String expectedPrev) {
        if (e.seq() != expectedSeq) {
            return "sequence gap: expected seq " + expectedSeq + " but found " + e.seq();
        }
        if (!e.prevHash().equals(expectedPrev)) {
            return "broken link: prev_hash does not match the hash of the entry before it";
        }
        if (!AuditHasher.hash(e).equals(e.hash())) {
            return "content altered: the stored hash does not match the entry's content";
        }
        return null;
    }

    private static LedgerEntry link(LedgerEntry d, LedgerEntry previous) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? AuditHasher.GENESIS : previous.hash();
        // PostgreSQL keeps microseconds: hash exactly what will be read back.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LedgerEntry unhashed = new LedgerEntry(AuditRepository.newId(), d.tenant(), seq, at, d.actor(),
                d.eventType(), d.alertId(), d.investigationId(), d.actionId(), d.traceId(), d.details(), prevHash,
                "");
        return new LedgerEntry(unhashed.id(), unhashed.tenant(), seq, at, unhashed.actor(), unhashed.eventType(),
                unhashed.alertId(), unhashed.investigationId(), unhashed.actionId(), unhashed.traceId(),
                unhashed.details(), prevHash, AuditHasher.hash(unhashed));
    }

    private static LedgerEntry last(List<LedgerEntry> entries) {
        return entries.get(entries.size() - 1);
    }
}
