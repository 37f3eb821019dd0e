package dev.watchfloor.governance.audit;

/** Result of walking one tenant's chain. On a break, names the first bad entry and what is wrong with it. */
public record ChainReport(String tenant, boolean valid, long entriesChecked, String headHash, Long firstBadSeq,
        String firstBadId, String problem) {

    static ChainReport intact(String tenant, long checked, String head) {
        return new ChainReport(tenant, true, checked, head, null, null, null);
    }

    static ChainReport broken(String tenant, long checked, LedgerEntry bad, String problem) {
        return new ChainReport(tenant, false, checked, null, bad.seq(), bad.id().toString(), problem);
    }
}
