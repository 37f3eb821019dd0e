package dev.watchfloor.reasoning.investigator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an investigator is given: the alert's title and OCSF severity id, the evidence as governance prepared it (the
 * alert first, as ev-1), and the alert entities the tenant's policy sanctions at the alert's time (entity to reason).
 */
public record Case(String title, int severityId, List<Evidence> evidence, Map<String, String> sanctioned) {

    public Case {
        evidence = List.copyOf(evidence);
        sanctioned = Map.copyOf(sanctioned);
    }

    /** The alert's own item, or null when context returned nothing. */
    public Evidence alert() {
        return evidence.isEmpty() ? null : evidence.get(0);
    }

    public List<String> alertEntities() {
        return evidence.isEmpty() ? List.of() : evidence.get(0).entities();
    }

    /**
     * The alert and the events tied to it: items that share at least one of the alert's entities. Evidence context
     * added only for being close in time is shown to a model as background but never drives a deterministic verdict:
     * anyone can post an event, and an unrelated one must change nothing.
     */
    public List<Evidence> tied() {
        Set<String> alertEntities = Set.copyOf(alertEntities());
        return evidence.stream().filter(e -> e == alert() || e.entities().stream().anyMatch(alertEntities::contains))
                .toList();
    }

    /** Every entity the evidence names, as context extracted it: the only possible targets of an action. */
    public Set<String> extractedEntities() {
        Set<String> all = new LinkedHashSet<>();
        evidence.forEach(e -> all.addAll(e.entities()));
        return all;
    }
}
