package dev.watchfloor.governance.audit;

import dev.watchfloor.commons.util.Hashing;

/**
 * Computes an entry's chain hash: SHA-256 over the previous entry's hash and every field of the entry, each field
 * length-prefixed so that no two different entries share a canonical form.
 */
public final class AuditHasher {

    /** The prev_hash of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    public static String hash(LedgerEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[]{e.prevHash(), e.id().toString(), e.tenant(), Long.toString(e.seq()),
                e.recordedAt().toString(), e.actor(), e.eventType(), e.alertId(), e.investigationId(), e.actionId(),
                e.traceId(), e.details()}) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        return Hashing.sha256Hex(canonical.toString());
    }
}
