package dev.watchfloor.governance.policy.document;

import java.util.Locale;

/** What happens to an investigation once a budget is exhausted. */
public enum OnExhausted {

    /** Continue without a model, by the deterministic investigator. */
    DETERMINISTIC,
    /** Hold the investigation until budget is available again. */
    HOLD;

    static OnExhausted fromYaml(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
