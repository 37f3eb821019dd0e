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
 *            the rules, each raising a call to a level (never lowering it below the default)
 */
public record Classification(List<String> levels, String defaultLevel, List<ClassificationRule> rules) {

    public Classification {
        levels = List.copyOf(levels);
        rules = List.copyOf(rules);
    }

    /**
     * The highest level (by the order of {@link #levels()}) any rule reaches, never below the default level: a rule
     * only ever raises a call, so data the policy did not foresee is treated as the default says.
     */
    public String classify(Set<String> detectorsFound, Set<String> fieldsFound) {
        int highest = levels.indexOf(defaultLevel);
        for (ClassificationRule rule : rules) {
            if (rule.matches(detectorsFound, fieldsFound)) {
                highest = Math.max(highest, levels.indexOf(rule.level()));
            }
        }
        return levels.get(highest);
    }
}
