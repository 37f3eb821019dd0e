package dev.watchfloor.governance.policy.document;

import java.util.Set;

/**
 * When a model call moves from the cheaper route its level starts on to a stronger one: alerts of {@code severities}
 * start there, and an answer less confident than {@code belowConfidence} (or needing review) is asked again there.
 *
 * @param route
 *            the stronger route's name; empty = no escalation
 * @param belowConfidence
 *            0 = never by uncertainty (only an answer that needs review escalates then)
 */
public record Escalation(String route, Set<String> severities, double belowConfidence) {

    /** No escalation. */
    public static final Escalation NONE = new Escalation("", Set.of(), 0);

    public Escalation {
        severities = Set.copyOf(severities);
    }

    public boolean defined() {
        return !route.isEmpty();
    }

    /** Whether alerts of this severity (its wire name) start on the stronger route. */
    public boolean startsOn(String severity) {
        return defined() && severities.contains(severity);
    }
}
