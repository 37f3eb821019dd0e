package dev.watchfloor.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Streaming verification of one tenant's chain: entries are fed in stored order through {@link #accept(AuditRecord)}
 * and never kept, so a chain of any length verifies in constant memory (only checkpoints not yet reached are held).
 * Checkpoints may be given before the entries (as read from a table) or right after the entry they name (as in an
 * export). Problems are looked for in chain order and the first one found is reported; later input is ignored.
 * <p>
 * Not thread-safe: one verifier per verification.
 */
public final class ChainVerifier {

    private final String tenant;
    private final CheckpointVerifier signatures;
    private final long fromSeq;
    private final long toSeq;
    private final boolean range;
    private final TreeMap<Long, List<Checkpoint>> pending = new TreeMap<>();
    private long nextCheckpointSeq = Long.MAX_VALUE;

    private long headSeq;
    private String headHash;
    private UUID headId;
    private long entries;
    private int checkpointsChecked;
    private VerificationReport failure;

    private ChainVerifier(String tenant, CheckpointVerifier signatures, long fromSeq, long toSeq, String prevHash,
            boolean range) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.fromSeq = fromSeq;
        this.toSeq = toSeq;
        this.range = range;
        this.headSeq = fromSeq - 1;
        this.headHash = Objects.requireNonNull(prevHash, "prevHash");
    }

    /** Verifies a tenant's whole chain, from seq 1 (prevHash {@link ChainHash#GENESIS}) to its newest entry. */
    public static ChainVerifier forTenant(String tenant, CheckpointVerifier signatures) {
        return new ChainVerifier(tenant, signatures, 1, Long.MAX_VALUE, ChainHash.GENESIS, false);
    }

    /**
     * Verifies the entries fromSeq..toSeq, the caller vouching for {@code prevHash} (the hash of entry fromSeq - 1,
     * e.g. from a checkpoint verified before). Checkpoints outside the range are ignored.
     */
    public static ChainVerifier forRange(String tenant, CheckpointVerifier signatures, long fromSeq, long toSeq,
            String prevHash) {
        if (fromSeq < 1 || toSeq < fromSeq - 1) {
            throw new IllegalArgumentException("no range of seqs from " + fromSeq + " to " + toSeq);
        }
        return new ChainVerifier(tenant, signatures, fromSeq, toSeq, prevHash, true);
    }

    /** Verifies a whole chain given as an iterator of entries in stored order and the tenant's checkpoints. */
    public static VerificationReport verify(String tenant, CheckpointVerifier signatures,
            Iterator<AuditRecord> entries, Collection<Checkpoint> checkpoints) {
        ChainVerifier verifier = forTenant(tenant, signatures);
        checkpoints.forEach(verifier::checkpoint);
        while (entries.hasNext() && verifier.accept(entries.next())) {
            // accept does the work
        }
        return verifier.finish();
    }

    /** Whether a problem has been found; further input is then ignored. */
    public boolean failed() {
        return failure != null;
    }

    /** Adds a checkpoint of this tenant: before the entry it names, or right after it. */
    public void checkpoint(Checkpoint checkpoint) {
        long seq = checkpoint.seq();
        if (failed() || range && (seq < fromSeq || seq > toSeq)) {
            return;
        }
        if (!tenant.equals(checkpoint.tenant())) {
            fail(seq, null, "checkpoint of another tenant: the checkpoint at seq " + seq + " is for tenant "
                    + checkpoint.tenant() + ", not " + tenant);
        } else if (seq > headSeq) {
            pending.computeIfAbsent(seq, s -> new ArrayList<>(1)).add(checkpoint);
            nextCheckpointSeq = pending.firstKey();
        } else if (seq == headSeq && headId != null) {
            settle(checkpoint);
        } else if (seq < fromSeq) {
            fail(seq, null, "checkpoint at seq " + seq + " names no entry: the chain starts at seq " + fromSeq);
        } else {
            fail(seq, null, "checkpoint at seq " + seq + " came after entry seq " + headSeq
                    + ": a checkpoint must come before its entry or right after it");
        }
    }

    /** Checks the next entry; answers false once a problem has been found (the caller may stop feeding). */
    public boolean accept(AuditRecord entry) {
        if (failed()) {
            return false;
        }
        long seq = entry.seq();
        UUID id = entry.id();
        if (!tenant.equals(entry.tenant())) {
            return fail(seq, id, "entry of another tenant: seq " + seq + " belongs to tenant " + entry.tenant()
                    + ", not " + tenant);
        }
        if (range && headSeq == toSeq) {
            return fail(seq, id, "entry beyond the range: the range ends at seq " + toSeq + " but seq " + seq
                    + " follows");
        }
        if (seq != headSeq + 1) {
            return fail(seq, id, "sequence gap: expected seq " + (headSeq + 1) + " but found " + seq);
        }
        if (!entry.prevHash().equals(headHash)) {
            return fail(seq, id, "broken link: the prevHash of seq " + seq + " is not the hash of "
                    + (seq == fromSeq && !range ? "the chain's start (genesis)" : "seq " + (seq - 1)));
        }
        if (!hashMatches(entry)) {
            return fail(seq, id, "altered content: the hash of seq " + seq + " does not match its content");
        }
        headSeq = seq;
        headHash = entry.hash();
        headId = id;
        entries++;
        if (seq == nextCheckpointSeq) {
            pending.remove(seq).forEach(this::settle);
            nextCheckpointSeq = pending.isEmpty() ? Long.MAX_VALUE : pending.firstKey();
        }
        return !failed();
    }

    /** The report, once every entry and checkpoint has been given. */
    public VerificationReport finish() {
        if (failed()) {
            return failure;
        }
        Map.Entry<Long, List<Checkpoint>> beyond = pending.firstEntry();
        if (beyond != null) {
            for (Checkpoint checkpoint : beyond.getValue()) {
                if (!signatureValid(checkpoint)) {
                    return failure;
                }
            }
            fail(headSeq + 1, null, "entries after seq " + headSeq + " were deleted: checkpoint at seq "
                    + beyond.getKey());
        } else if (range && headSeq != toSeq) {
            fail(headSeq + 1, null, "entries after seq " + headSeq + " were deleted: the range ends at seq " + toSeq);
        }
        return failed()
                ? failure
                : VerificationReport.valid(entries, headHash, headSeq, checkpointsChecked);
    }

    /**
     * Records a problem found outside the chain's content, such as a line of an export that cannot be read, as the
     * first problem (at the next seq expected) unless one was found before.
     */
    public void reportUnreadable(String problem) {
        if (!failed()) {
            fail(headSeq + 1, null, problem);
        }
    }

    /** Checks a checkpoint whose entry is the current head. */
    private void settle(Checkpoint checkpoint) {
        if (failed() || !signatureValid(checkpoint)) {
            return;
        }
        if (!checkpoint.headHash().equals(headHash)) {
            fail(headSeq, headId, "checkpoint at seq " + headSeq + " names head hash " + checkpoint.headHash()
                    + " but the entry at seq " + headSeq + " has hash " + headHash);
            return;
        }
        checkpointsChecked++;
    }

    private boolean signatureValid(Checkpoint checkpoint) {
        long seq = checkpoint.seq();
        switch (signatures.check(checkpoint)) {
            case UNKNOWN_KEY -> fail(seq, null, "checkpoint at seq " + seq + " is signed with unknown key "
                    + checkpoint.keyId());
            case BAD_SIGNATURE -> fail(seq, null, "checkpoint at seq " + seq + " has a bad signature (key "
                    + checkpoint.keyId() + ")");
            case VALID -> {
                return true;
            }
        }
        return false;
    }

    private static boolean hashMatches(AuditRecord entry) {
        try {
            return ChainHash.matches(entry);
        } catch (IllegalArgumentException e) {
            return false; // content that has no canonical form (a lone surrogate, NaN) was not what was hashed
        }
    }

    private boolean fail(long seq, UUID id, String problem) {
        String badId = id == null ? null : id.toString();
        failure = VerificationReport.invalid(entries, headHash, headSeq, checkpointsChecked, seq, badId, problem);
        return false;
    }
}
