package dev.watchfloor.context.assemble;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.watchfloor.context.store.StoredGroup;
import dev.watchfloor.context.store.StoredRecord;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;
import dev.watchfloor.contracts.context.v1.EvidenceKind;

/**
 * Scores related records against the alert (shared entities, closeness in time) and keeps the most relevant within the
 * token budget. The alert itself is always the first item, ev-1, and its group, when other alerts joined it, ev-2.
 */
public final class EvidenceSelector {

    private EvidenceSelector() {
    }

    record Scored(StoredRecord record, double relevance, String reason, int tokens) {
    }

    public static AssembleResponse select(StoredRecord alert, List<StoredRecord> related, int tokenBudget) {
        return select(alert, null, related, tokenBudget);
    }

    /**
     * As above, with the alert's group (null when it has none) as ev-2 when other alerts joined it; like the alert's
     * own item it is always kept. {@code related} should not hold the group's members: the group item counts them.
     */
    public static AssembleResponse select(StoredRecord alert, StoredGroup group, List<StoredRecord> related,
            int tokenBudget) {
        List<Scored> scored = new ArrayList<>();
        for (StoredRecord r : related) {
            scored.add(score(alert, r));
        }
        scored.sort(Comparator.comparingDouble(Scored::relevance).reversed()
                .thenComparing(s -> s.record().observedAt(), Comparator.reverseOrder()));
        AssembleResponse.Builder response = AssembleResponse.newBuilder();
        int used = estimateTokens(alert);
        response.addItems(item(1, alert, 1.0, "the alert under investigation"));
        if (GroupEvidence.worthShowing(group)) {
            used += GroupEvidence.tokens(group);
            response.addItems(GroupEvidence.item(2, group));
        }
        int dropped = 0;
        for (Scored s : scored) {
            if (used + s.tokens() > tokenBudget) {
                dropped++;
                continue;
            }
            used += s.tokens();
            response.addItems(item(response.getItemsCount() + 1, s.record(), s.relevance(), s.reason()));
        }
        return response.setTokensUsed(used).setItemsDropped(dropped).build();
    }

    static Scored score(StoredRecord alert, StoredRecord r) {
        Set<String> alertEntities = Set.copyOf(alert.entities());
        List<String> shared = r.entities().stream().filter(alertEntities::contains).sorted().toList();
        double overlap = alertEntities.isEmpty() ? 0 : (double) shared.size() / alertEntities.size();
        Duration apart = Duration.between(r.observedAt(), alert.observedAt()).abs();
        double closeness = 1.0 / (1.0 + apart.toMinutes() / 60.0 / 24.0);
        double relevance = Math.round((0.7 * overlap + 0.3 * closeness) * 1000) / 1000.0;
        String when = apart.toMinutes() < 1
                ? "at the same time as"
                : humanize(apart) + (r.observedAt().isBefore(alert.observedAt()) ? " before" : " after");
        String reason = (r.alert() ? "related alert; " : "") + "shares " + String.join(", ", shared)
                + " with the alert; " + when + " it";
        return new Scored(r, relevance, reason, estimateTokens(r));
    }

    /** Rough token estimate: four characters per token, as the common tokenizers average on log text. */
    static int estimateTokens(StoredRecord r) {
        return (r.bodyJson().length() + r.summary().length()) / 4 + 8;
    }

    private static String humanize(Duration d) {
        if (d.toHours() >= 48) {
            return d.toDays() + " days";
        }
        return d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static EvidenceItem item(int index, StoredRecord r, double relevance, String reason) {
        return EvidenceItem.newBuilder()
                .setId("ev-" + index)
                .setKind(r.alert() ? EvidenceKind.EVIDENCE_KIND_ALERT : EvidenceKind.EVIDENCE_KIND_EVENT)
                .addSourceIds(r.id())
                .setRelevance(relevance)
                .setReason(reason)
                .addAllEntities(r.entities())
                .setSummary(r.summary())
                .setContentJson(r.bodyJson())
                .setObservedAt(r.observedAt().toString())
                .build();
    }
}
