package dev.watchfloor.redaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to do with what is found. Detectors in {@code mask} are replaced by {@code [REDACTED:<detector>]}, those in
 * {@code pseudonymize} by a stable pseudonym (a detector in both is masked; one in neither is left alone). Field rules
 * name JSON members by simple name ({@code client_secret}, any depth) or by dotted path from the root
 * ({@code user.credential}, arrays transparent), case-insensitively: {@code maskFields} replace every scalar under the
 * member with {@code [REDACTED:field]}, {@code pseudonymizeFields} replace them with pseudonyms of kind {@code field},
 * {@code dropFields} remove the member. Null sets are empty sets.
 */
public record RedactionRules(Set<Detector> mask, Set<Detector> pseudonymize, Set<String> maskFields,
        Set<String> pseudonymizeFields, Set<String> dropFields) {

    public RedactionRules {
        mask = mask == null ? Set.of() : Set.copyOf(mask);
        pseudonymize = pseudonymize == null ? Set.of() : Set.copyOf(pseudonymize);
        maskFields = maskFields == null ? Set.of() : Set.copyOf(maskFields);
        pseudonymizeFields = pseudonymizeFields == null ? Set.of() : Set.copyOf(pseudonymizeFields);
        dropFields = dropFields == null ? Set.of() : Set.copyOf(dropFields);
    }

    /** Every detector masked, except {@code EMAIL} and {@code PHONE}, which are pseudonymized; no field rules. */
    public static RedactionRules all() {
        Set<Detector> pseudonymized = EnumSet.of(Detector.EMAIL, Detector.PHONE);
        return new RedactionRules(EnumSet.complementOf(EnumSet.copyOf(pseudonymized)), pseudonymized, Set.of(),
                Set.of(), Set.of());
    }

    /** These rules with field rules added (the detector sets kept). */
    public RedactionRules withFields(Set<String> maskFields, Set<String> pseudonymizeFields, Set<String> dropFields) {
        return new RedactionRules(mask, pseudonymize, maskFields, pseudonymizeFields, dropFields);
    }
}
