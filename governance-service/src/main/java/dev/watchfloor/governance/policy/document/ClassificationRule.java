package dev.watchfloor.governance.policy.document;

import java.util.Set;

/** A finding of {@code detector}, or the presence of {@code field}, raises a call to {@code level}. */
public record ClassificationRule(String detector, String field, String level) {

    boolean matches(Set<String> detectorsFound, Set<String> fieldsFound) {
        return detector != null ? detectorsFound.contains(detector) : fieldsFound.contains(field);
    }
}
