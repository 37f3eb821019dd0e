package dev.watchfloor.redaction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One redaction in progress: what was replaced so far (counts, detectors, fields, pseudonyms) and the scratch buffers.
 * Built per call, so a {@link Redactor} can be shared between threads.
 */
final class Pass {

    final Redactor.Config config;
    final Scratch scratch;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Set<String> detectors = new HashSet<>();
    private final Set<String> fields = new HashSet<>();
    private final Map<String, String> pseudonyms = new HashMap<>();

    Pass(Redactor.Config config, Scratch scratch) {
        this.config = config;
        this.scratch = scratch;
    }

    /** A pass for an embedded document that is only merged into this one if it turns out to be JSON. */
    Pass child() {
        return new Pass(config, scratch);
    }

    void merge(Pass child) {
        child.counts.forEach((key, n) -> counts.merge(key, n, Integer::sum));
        detectors.addAll(child.detectors);
        fields.addAll(child.fields);
        pseudonyms.putAll(child.pseudonyms);
    }

    /** The text of {@code b[off..end)} with its findings replaced; the text itself when there are none. */
    String rewrite(char[] b, int off, int end, Findings found) {
        if (found.size() == 0) {
            return new String(b, off, end - off);
        }
        StringBuilder text = new StringBuilder(end - off + 32);
        int p = off;
        for (int k = 0; k < found.size(); k++) {
            text.append(b, p, found.start(k) - p);
            text.append(replacement(found.detector(k), found.encoded(k), b, found.start(k), found.end(k)));
            p = found.end(k);
        }
        return text.append(b, p, end - p).toString();
    }

    /** Scans a text and rewrites it; null when nothing was found. */
    String redactText(char[] b, int off, int end, int depth) {
        Findings found = scratch.findings(depth);
        config.scanner().scan(b, off, end, depth, found, scratch, Integer.MAX_VALUE);
        return found.size() == 0 ? null : rewrite(b, off, end, found);
    }

    /** The replacement of one value found by a detector, counted. */
    String replacement(Detector detector, boolean encodedRun, char[] b, int start, int end) {
        count(detector.wire());
        detectors.add(detector.wire());
        if (encodedRun || config.masks(detector) || !config.pseudonymizes(detector)) {
            return detector.mask();
        }
        return pseudonym(detector.wire(), new String(b, start, end - start));
    }

    /** The replacement of a scalar under a field rule, counted. */
    String fieldValue(FieldRules.Rule rule, String value) {
        count("field:" + rule.name());
        fields.add(rule.name());
        return rule.action() == FieldRules.Action.MASK ? "[REDACTED:field]" : pseudonym("field", value);
    }

    void dropped(FieldRules.Rule rule) {
        count("dropped:" + rule.name());
        fields.add(rule.name());
    }

    Redacted result(String text) {
        return new Redacted(text, counts, detectors, fields, pseudonyms);
    }

    private String pseudonym(String kind, String value) {
        String pseudonym = config.pseudonyms().pseudonym(kind, value);
        pseudonyms.put(pseudonym, value);
        return pseudonym;
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }
}
