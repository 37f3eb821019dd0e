package dev.watchfloor.redaction;

import java.util.Map;
import java.util.Set;

/**
 * The redacted text and what was done to it.
 *
 * @param counts
 *            occurrences by detector wire name, {@code field:<rule>} (masked or pseudonymized scalars) or
 *            {@code dropped:<rule>} (removed members)
 * @param detectorsFound
 *            wire names of the detectors that matched
 * @param fieldsFound
 *            the field rules (as written in the rules) that matched
 * @param pseudonyms
 *            each pseudonym used, with the original value it stands for (keep it where the original may be)
 */
public record Redacted(String text, Map<String, Integer> counts, Set<String> detectorsFound, Set<String> fieldsFound,
        Map<String, String> pseudonyms) {

    public Redacted {
        counts = Map.copyOf(counts);
        detectorsFound = Set.copyOf(detectorsFound);
        fieldsFound = Set.copyOf(fieldsFound);
        pseudonyms = Map.copyOf(pseudonyms);
    }

    /** How many values were masked, pseudonymized or dropped in all. */
    public int total() {
        int total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }
}
