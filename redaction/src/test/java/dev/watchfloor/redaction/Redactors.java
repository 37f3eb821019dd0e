package dev.watchfloor.redaction;

import java.nio.charset.StandardCharsets;

/** Redactors for tests: every detector on (e-mail and phone pseudonymized), with a fixed key. */
final class Redactors {

    static final HmacPseudonyms PSEUDONYMS = new HmacPseudonyms("test-key".getBytes(StandardCharsets.UTF_8));
    static final Redactor ALL = new Redactor(RedactionRules.all(), PSEUDONYMS);

    private Redactors() {
    }

    static Redactor withFields(java.util.Set<String> mask, java.util.Set<String> pseudonymize,
            java.util.Set<String> drop) {
        return new Redactor(RedactionRules.all().withFields(mask, pseudonymize, drop), PSEUDONYMS);
    }
}
