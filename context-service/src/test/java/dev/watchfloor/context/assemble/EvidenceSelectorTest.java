package dev.watchfloor.context.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.context.store.StoredGroup;
import dev.watchfloor.context.store.StoredRecord;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;
import dev.watchfloor.contracts.context.v1.EvidenceKind;

class EvidenceSelectorTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final StoredRecord alert = record("a", true, T, "user:alice", "ip:203.0.113.7");

    @Test
    void alertComesFirstThenRecordsSharingMoreEntitiesAndCloserInTime() {
        StoredRecord both = record("e1", false, T.minusSeconds(3600), "user:alice", "ip:203.0.113.7");
        StoredRecord oneNear = record("e2", false, T.minusSeconds(60), "user:alice");
        StoredRecord oneFar = record("e3", false, T.minusSeconds(86400 * 5), "user:alice");

        AssembleResponse r = EvidenceSelector.select(alert, List.of(oneFar, oneNear, both), 10_000);

        assertThat(r.getItemsList()).extracting(i -> i.getSourceIds(0)).containsExactly("a", "e1", "e2", "e3");
        assertThat(r.getItemsList()).extracting(EvidenceItem::getId).containsExactly("ev-1", "ev-2", "ev-3", "ev-4");
        assertThat(r.getItems(1).getReason()).contains("user:alice", "ip:203.0.113.7", "1 h before");
        assertThat(r.getItems(1).getRelevance()).isGreaterThan(r.getItems(2).getRelevance());
        assertThat(r.getItemsDropped()).isZero();
    }

    @Test
    void staysWithinTheTokenBudgetAndCountsWhatItLeftOut() {
        List<StoredRecord> many = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> record("e" + i, false, T.minusSeconds(i), "user:alice")).toList();
        int budget = 200;

        AssembleResponse r = EvidenceSelector.select(alert, many, budget);

        assertThat(r.getTokensUsed()).isLessThanOrEqualTo(budget);
        assertThat(r.getItemsCount() - 1 + r.getItemsDropped()).isEqualTo(50);
        assertThat(r.getItemsDropped()).isPositive();
    }

    @Test
    void aGroupWithOtherMembersIsEv2AndCountsAgainstTheBudgetWhileAGroupOfOneIsLeftOut() {
        StoredGroup group = new StoredGroup("g", "a", 38, T, T.plusSeconds(600), List.of("source:edr", "user:alice"),
                List.of("a", "m1"), true);
        StoredGroup alone = new StoredGroup("g", "a", 1, T, T, List.of("source:edr"), List.of("a"), true);
        List<StoredRecord> one = List.of(record("e1", false, T, "user:alice"));

        AssembleResponse grouped = EvidenceSelector.select(alert, group, one, 10_000);
        AssembleResponse single = EvidenceSelector.select(alert, alone, one, 10_000);

        assertThat(grouped.getItemsList()).extracting(EvidenceItem::getKind).containsExactly(
                EvidenceKind.EVIDENCE_KIND_ALERT, EvidenceKind.EVIDENCE_KIND_ALERT_GROUP,
                EvidenceKind.EVIDENCE_KIND_EVENT);
        assertThat(grouped.getItems(1).getSummary()).contains("38 alerts", "37 near duplicates");
        assertThat(grouped.getTokensUsed()).isEqualTo(single.getTokensUsed() + GroupEvidence.tokens(group));
        assertThat(single.getItemsList()).extracting(EvidenceItem::getKind).doesNotContain(
                EvidenceKind.EVIDENCE_KIND_ALERT_GROUP);
    }

    private static StoredRecord record(String id, boolean isAlert, Instant at, String... entities) {
        return new StoredRecord(id, isAlert, "summary " + id, at, List.of(entities), "{\"id\":\"" + id + "\"}");
    }
}
