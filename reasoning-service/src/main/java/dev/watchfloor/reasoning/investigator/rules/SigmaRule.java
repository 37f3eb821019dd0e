package dev.watchfloor.reasoning.investigator.rules;

import java.util.List;
import java.util.Map;

/**
 * One detection rule of the rule pack, in a subset of the Sigma format: {@code detection} holds named selections (a map
 * of {@code field|modifiers: value or list}, all of which must hold, or a list of such maps, any of which may) and a
 * {@code condition} over their names. {@code logsource.category} is {@code alert} (the alert itself), {@code event}
 * (events tied to the alert) or absent (both). {@code level} high or critical marks malicious activity; ATT&CK ids come
 * from {@code attack.tNNNN} tags.
 */
public record SigmaRule(String id, String title, String level, String category, List<String> techniques,
        Map<String, List<Map<String, FieldMatcher>>> selections, Condition condition) {

    public boolean malicious() {
        return "high".equals(level) || "critical".equals(level);
    }

    boolean appliesTo(String kind) {
        return category == null || category.equals(kind);
    }

    boolean matches(EventFields fields) {
        return condition.test(name -> selections.get(name).stream()
                .anyMatch(all -> all.values().stream().allMatch(m -> m.matches(fields.values(m.field())))));
    }
}
