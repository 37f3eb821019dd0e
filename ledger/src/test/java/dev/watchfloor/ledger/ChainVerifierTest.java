package dev.watchfloor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final String TENANT = Ledgers.TENANT;
    private final List<AuditRecord> chain = new ArrayList<>(Ledgers.chain(TENANT, 120, 42));
    private final List<Checkpoint> checkpoints = new ArrayList<>(Ledgers.checkpoints(chain, Ledgers.signer(), 50));

    @Test
    void acceptsAnIntactChainAndChecksEveryCheckpoint() {
        VerificationReport report = verify();

        assertThat(report.valid()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(120);
        assertThat(report.headSeq()).isEqualTo(120);
        assertThat(report.headHash()).isEqualTo(chain.get(119).hash());
        assertThat(report.checkpointsChecked()).isEqualTo(3);
        assertThat(report.problem()).isNull();
        assertThat(report.firstBadSeq()).isNull();
    }

    @Test
    void anEmptyChainIsValidAtGenesis() {
        VerificationReport report = ChainVerifier.verify(TENANT, Ledgers.verifier(), List.<AuditRecord>of().iterator(),
                List.of());

        assertThat(report).isEqualTo(new VerificationReport(true, 0, ChainHash.GENESIS, 0, 0, null, null, null));
    }

    @Test
    void reportsASequenceGapWhereAnEntryWasDeleted() {
        AuditRecord deleted = chain.remove(9);

        VerificationReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).isEqualTo("sequence gap: expected seq 10 but found 11");
        assertThat(report.firstBadSeq()).isEqualTo(11);
        assertThat(report.firstBadId()).isEqualTo(chain.get(9).id().toString()).isNotEqualTo(deleted.id().toString());
        assertThat(report.entriesChecked()).isEqualTo(9);
        assertThat(report.headSeq()).isEqualTo(9);
    }

    @Test
    void reportsReorderedEntriesAsASequenceGap() {
        Collections.swap(chain, 30, 31);

        assertThat(verify().problem()).isEqualTo("sequence gap: expected seq 31 but found 32");
    }

    @Test
    void reportsABrokenLinkWhenAnEntryIsRehashedAfterAnotherPrevHash() {
        chain.set(20, chain.get(20).chainedAfter("f".repeat(64)));

        VerificationReport report = verify();

        assertThat(report.problem()).isEqualTo("broken link: the prevHash of seq 21 is not the hash of seq 20");
        assertThat(report.firstBadSeq()).isEqualTo(21);
    }

    @Test
    void reportsAlteredContentWhenTheStoredHashNoLongerMatches() {
        chain.set(60, EntryFields.set(chain.get(60), "actor", "mallory"));

        VerificationReport report = verify();

        assertThat(report.problem()).isEqualTo("altered content: the hash of seq 61 does not match its content");
        assertThat(report.firstBadId()).isEqualTo(chain.get(60).id().toString());
    }

    @Test
    void reportsAnEntryOfAnotherTenant() {
        AuditRecord foreign = Ledgers.chain("globex", 5, 1).get(4);
        chain.set(4, EntryFields.set(chain.get(4), "tenant", foreign.tenant()).withHash());

        assertThat(verify().problem()).isEqualTo("entry of another tenant: seq 5 belongs to tenant globex, not acme");
    }

    @Test
    void reportsDeletedNewestEntriesFromTheHeadCheckpoint() {
        chain.subList(117, 120).clear();

        VerificationReport report = verify();

        assertThat(report.problem()).isEqualTo("entries after seq 117 were deleted: checkpoint at seq 120");
        assertThat(report.firstBadSeq()).isEqualTo(118);
        assertThat(report.entriesChecked()).isEqualTo(117);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void reportsACheckpointSignedWithAnUnknownKey() {
        Checkpoint c = checkpoints.get(0);
        checkpoints.set(0, new CheckpointSigner("rogue", Ledgers.keyPair(7).getPrivate())
                .sign(TENANT, c.seq(), c.headHash(), c.createdAt()));

        VerificationReport report = verify();

        assertThat(report.problem()).isEqualTo("checkpoint at seq 50 is signed with unknown key rogue");
        assertThat(report.firstBadSeq()).isEqualTo(50);
        assertThat(report.entriesChecked()).isEqualTo(50);
    }

    @Test
    void reportsACheckpointWithABadSignature() {
        Checkpoint c = checkpoints.get(1);
        checkpoints.set(1, new Checkpoint(c.tenant(), c.seq(), c.headHash(), c.createdAt(), c.keyId(),
                checkpoints.get(0).signature()));

        assertThat(verify().problem()).isEqualTo("checkpoint at seq 100 has a bad signature (key ckpt-2026-11)");
    }

    @Test
    void reportsAValidlySignedCheckpointWhoseHeadHashIsNotTheEntrysHash() {
        checkpoints.set(0, Ledgers.signer().sign(TENANT, 50, chain.get(48).hash(), "2026-11-27T16:00:00.000000Z"));

        VerificationReport report = verify();

        assertThat(report.problem()).startsWith("checkpoint at seq 50 names head hash " + chain.get(48).hash())
                .endsWith("but the entry at seq 50 has hash " + chain.get(49).hash());
        assertThat(report.firstBadId()).isEqualTo(chain.get(49).id().toString());
    }

    @Test
    void catchesARewrittenChainThroughItsCheckpoints() {
        // an attacker who can write the table changes entry 70 and recomputes every hash after it
        List<AuditRecord> forged = new ArrayList<>(chain.subList(0, 69));
        String prev = forged.get(68).hash();
        for (AuditRecord entry : chain.subList(69, 120)) {
            AuditRecord changed = entry.seq() == 70 ? EntryFields.set(entry, "eventType", "nothing.happened") : entry;
            AuditRecord rehashed = changed.chainedAfter(prev);
            forged.add(rehashed);
            prev = rehashed.hash();
        }

        VerificationReport report = ChainVerifier.verify(TENANT, Ledgers.verifier(), forged.iterator(), checkpoints);

        assertThat(report.problem()).startsWith("checkpoint at seq 100 names head hash");
    }

    @Test
    void reportsTheFirstProblemInChainOrder() {
        chain.set(80, EntryFields.set(chain.get(80), "actor", "mallory"));
        chain.set(30, EntryFields.set(chain.get(30), "actor", "mallory"));
        checkpoints.set(2, new Checkpoint(TENANT, 120, "0".repeat(64), "t", Ledgers.KEY_ID, "AAAA"));

        assertThat(verify().firstBadSeq()).isEqualTo(31);
    }

    @Test
    void checksCheckpointsThatFollowTheirEntryAsInAnExport() {
        ChainVerifier verifier = ChainVerifier.forTenant(TENANT, Ledgers.verifier());
        for (AuditRecord entry : chain) {
            verifier.accept(entry);
            checkpoints.stream().filter(c -> c.seq() == entry.seq()).forEach(verifier::checkpoint);
        }

        assertThat(verifier.finish().checkpointsChecked()).isEqualTo(3);
    }

    @Test
    void reportsACheckpointThatComesTooLateToBeChecked() {
        ChainVerifier verifier = ChainVerifier.forTenant(TENANT, Ledgers.verifier());
        chain.forEach(verifier::accept);
        verifier.checkpoint(checkpoints.get(0));

        assertThat(verifier.finish().problem())
                .isEqualTo("checkpoint at seq 50 came after entry seq 120: a checkpoint must come before its entry or "
                        + "right after it");
    }

    @Test
    void reportsACheckpointOfAnotherTenant() {
        checkpoints.set(0, Ledgers.signer().sign("globex", 50, chain.get(49).hash(), "t"));

        assertThat(verify().problem()).startsWith("checkpoint of another tenant: the checkpoint at seq 50");
    }

    @Test
    void verifiesARangeFromTheHashTheCallerVouchesFor() {
        ChainVerifier verifier = ChainVerifier.forRange(TENANT, Ledgers.verifier(), 41, 90, chain.get(39).hash());
        checkpoints.forEach(verifier::checkpoint); // 100 and 120 lie outside the range and are ignored
        chain.subList(40, 90).forEach(verifier::accept);

        VerificationReport report = verifier.finish();

        assertThat(report.valid()).as(report.problem()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(50);
        assertThat(report.headSeq()).isEqualTo(90);
        assertThat(report.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void aRangeMustLinkToTheVouchedHashAndReachItsEnd() {
        ChainVerifier wrongStart = ChainVerifier.forRange(TENANT, Ledgers.verifier(), 41, 90, chain.get(38).hash());
        chain.subList(40, 90).forEach(wrongStart::accept);
        ChainVerifier shortEnd = ChainVerifier.forRange(TENANT, Ledgers.verifier(), 41, 90, chain.get(39).hash());
        chain.subList(40, 85).forEach(shortEnd::accept);
        ChainVerifier tooLong = ChainVerifier.forRange(TENANT, Ledgers.verifier(), 41, 90, chain.get(39).hash());
        chain.subList(40, 91).forEach(tooLong::accept);

        assertThat(wrongStart.finish().problem()).isEqualTo("broken link: the prevHash of seq 41 is not the hash of "
                + "seq 40");
        assertThat(shortEnd.finish().problem())
                .isEqualTo("entries after seq 85 were deleted: the range ends at seq 90");
        assertThat(tooLong.finish().problem()).startsWith("entry beyond the range: the range ends at seq 90");
        assertThatThrownBy(() -> ChainVerifier.forRange(TENANT, Ledgers.verifier(), 0, 5, ChainHash.GENESIS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstEntryMustLinkToGenesis() {
        chain.set(0, chain.get(0).chainedAfter("1".repeat(64)));

        assertThat(verify().problem()).isEqualTo("broken link: the prevHash of seq 1 is not the hash of the chain's "
                + "start (genesis)");
    }

    private VerificationReport verify() {
        return ChainVerifier.verify(TENANT, Ledgers.verifier(), chain.iterator(), checkpoints);
    }
}
