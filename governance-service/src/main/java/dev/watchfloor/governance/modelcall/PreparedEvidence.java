package dev.watchfloor.governance.modelcall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.watchfloor.redaction.Redacted;
import dev.watchfloor.redaction.Redactor;

/** Everything bound for a model after redaction, and what the redaction found across all of it (never values). */
record PreparedEvidence(String title, List<String> texts, List<String> summaries, Map<String, Integer> counts,
        Set<String> detectorsFound, Set<String> fieldsFound, Map<String, String> pseudonyms) {

    static PreparedEvidence of(Redactor redactor, String title, List<String> texts, List<String> summaries) {
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> detectors = new HashSet<>();
        Set<String> fields = new HashSet<>();
        Map<String, String> pseudonyms = new HashMap<>();
        List<Redacted> all = new ArrayList<>();
        all.add(redactor.redact(title));
        texts.forEach(t -> all.add(redactor.redact(t)));
        summaries.forEach(t -> all.add(redactor.redact(t)));
        for (Redacted r : all) {
            r.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
            detectors.addAll(r.detectorsFound());
            fields.addAll(r.fieldsFound());
            pseudonyms.putAll(r.pseudonyms());
        }
        List<String> prepared = all.subList(1, 1 + texts.size()).stream().map(Redacted::text).toList();
        List<String> preparedSummaries = all.subList(1 + texts.size(), all.size()).stream().map(Redacted::text)
                .toList();
        return new PreparedEvidence(all.get(0).text(), prepared, preparedSummaries, counts, detectors, fields,
                pseudonyms);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
