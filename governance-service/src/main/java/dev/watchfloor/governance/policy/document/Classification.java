package dev.watchfloor.governance.policy.document;

import java.util.List;
import java.util.Set;

/**
 * How a model call is classified.
 *
 * @param levels
 *            classification levels, lowest first
 * @param defaultLevel
 *            the level of a call no rule matches
 * @param rules
 *            the rules, each raising a call to a level
 */
public record Classification(List<String> levels, String defaultLevel, List<ClassificationRule> rules) {

    public Classification {
        levels = List.copyOf(levels);
        rules = List.copyOf(rules);
    }

    /** The highest level (by the order of {@link #levels()}) any rule reaches; else the default level. */
    public String classify(Set<String> detectorsFound, Set<String> fieldsFound) {
        int highest = -1;
        for (ClassificationRule rule : rules) {
            if (rule.matches(detectorsFound, fieldsFound)) {
                highest = Math.max(highest, levels.indexOf(rule.level()));
            }
        }
        return highest >= 0 ? levels.get(highest) : defaultLevel;
    }
}
