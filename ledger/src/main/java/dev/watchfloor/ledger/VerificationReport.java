package dev.watchfloor.ledger;

/**
 * The outcome of verifying one tenant's chain. {@code headSeq} and {@code headHash} are those of the last entry that
 * verified; when the chain is not valid, {@code problem} says what was found first and {@code firstBadSeq} /
 * {@code firstBadId} name the entry it was found at (the id is null when there is no such entry, e.g. for deleted
 * entries or a line of an export that could not be read).
 */
public record VerificationReport(boolean valid, long entriesChecked, String headHash, long headSeq,
        int checkpointsChecked, Long firstBadSeq, String firstBadId, String problem) {

    static VerificationReport valid(long entries, String headHash, long headSeq, int checkpoints) {
        return new VerificationReport(true, entries, headHash, headSeq, checkpoints, null, null, null);
    }

    static VerificationReport invalid(long entries, String headHash, long headSeq, int checkpoints, Long badSeq,
            String badId, String problem) {
        return new VerificationReport(false, entries, headHash, headSeq, checkpoints, badSeq, badId, problem);
    }
}
