package dev.watchfloor.redaction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field rules of {@link RedactionRules}, compiled for lookup while walking JSON: simple names in a map, dotted
 * paths in a tree walked along with the document (arrays do not add a level). Names compare in lower case. Immutable.
 */
final class FieldRules {

    enum Action {
        MASK, PSEUDONYMIZE, DROP
    }

    /** A rule as written in the rules, and what it does. */
    record Rule(String name, Action action) {
    }

    /** One level of the path tree: the rule that ends here, if any, and the next levels. */
    static final class PathNode {

        private final Map<String, PathNode> children = new HashMap<>();
        private Rule rule;

        PathNode child(String lowerName) {
            return children.get(lowerName);
        }

        Rule rule() {
            return rule;
        }
    }

    private final Map<String, Rule> byName = new HashMap<>();
    private final PathNode root = new PathNode();
    private final boolean empty;

    FieldRules(RedactionRules rules) {
        // later puts win: drop over mask over pseudonymize
        add(rules.pseudonymizeFields(), Action.PSEUDONYMIZE);
        add(rules.maskFields(), Action.MASK);
        add(rules.dropFields(), Action.DROP);
        empty = byName.isEmpty() && root.children.isEmpty();
    }

    boolean isEmpty() {
        return empty;
    }

    /** The tree's root, or null when there are no path rules (then no path is tracked). */
    PathNode root() {
        return root.children.isEmpty() ? null : root;
    }

    /** The rule for a member: its path rule if the path leads to one, else its simple-name rule, else null. */
    Rule ruleFor(String lowerName, PathNode node) {
        if (node != null && node.rule != null) {
            return node.rule;
        }
        return byName.get(lowerName);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void add(Set<String> names, Action action) {
        for (String name : names) {
            Rule rule = new Rule(name, action);
            String lower = lower(name.trim());
            if (lower.indexOf('.') < 0) {
                byName.put(lower, rule);
                continue;
            }
            PathNode node = root;
            for (String segment : lower.split("\\.")) {
                node = node.children.computeIfAbsent(segment, s -> new PathNode());
            }
            node.rule = rule;
        }
    }
}
