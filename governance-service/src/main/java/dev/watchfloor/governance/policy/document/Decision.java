package dev.watchfloor.governance.policy.document;

import java.util.Locale;

/** What the action policy says about a proposed action. */
public enum Decision {

    ALLOW("is allowed"), REQUIRE_APPROVAL("requires approval"), DENY("is denied");

    private final String phrase;

    Decision(String phrase) {
        this.phrase = phrase;
    }

    /** The policy document's spelling: {@code allow}, {@code require_approval}, {@code deny}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Decision fromYaml(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    String phrase() {
        return phrase;
    }
}
