package dev.watchfloor.redaction;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Redacts and pseudonymizes what is about to be sent to an AI model. A text that is a JSON object or array is walked as
 * JSON (valid JSON out, member order kept, field rules applied, whitespace not kept); anything else is scanned as plain
 * text. Immutable and thread-safe.
 */
public final class Redactor {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** What every pass of this redactor shares. */
    record Config(TextScanner scanner, FieldRules fields, Set<Detector> masked, Set<Detector> pseudonymized,
            Pseudonyms pseudonyms, JsonFactory json) {

        boolean masks(Detector detector) {
            return masked.contains(detector);
        }

        boolean pseudonymizes(Detector detector) {
            return pseudonymized.contains(detector);
        }
    }

    private final Config config;

    /**
     * @param pseudonyms
     *            used for detectors and fields that are pseudonymized; may be null only when the rules pseudonymize
     *            nothing
     */
    public Redactor(RedactionRules rules, Pseudonyms pseudonyms) {
        boolean pseudonymizes = !rules.pseudonymize().isEmpty() || !rules.pseudonymizeFields().isEmpty();
        if (pseudonymizes && pseudonyms == null) {
            throw new IllegalArgumentException("rules that pseudonymize need a Pseudonyms");
        }
        Set<Detector> enabled = EnumSet.noneOf(Detector.class);
        enabled.addAll(rules.mask());
        enabled.addAll(rules.pseudonymize());
        Set<Detector> masked = rules.mask().isEmpty() ? EnumSet.noneOf(Detector.class) : EnumSet.copyOf(rules.mask());
        Set<Detector> pseudonymized = EnumSet.noneOf(Detector.class);
        pseudonymized.addAll(rules.pseudonymize());
        this.config = new Config(new TextScanner(enabled), new FieldRules(rules), masked, pseudonymized, pseudonyms,
                JSON);
    }

    /** The text with every value the rules name replaced, and what was replaced. Null is treated as empty text. */
    public Redacted redact(String text) {
        String input = text == null ? "" : text;
        if (looksLikeJson(input)) {
            Pass pass = new Pass(config, new Scratch());
            String json = JsonWalker.walk(input, pass, 0);
            if (json != null) {
                return pass.result(json);
            }
        }
        Pass pass = new Pass(config, new Scratch());
        char[] chars = input.toCharArray();
        String redacted = pass.redactText(chars, 0, chars.length, 0);
        return pass.result(redacted == null ? input : redacted);
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }
}
