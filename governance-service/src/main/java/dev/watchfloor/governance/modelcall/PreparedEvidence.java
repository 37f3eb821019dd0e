package dev.watchfloor.governance.modelcall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.redaction.Redacted;
import dev.watchfloor.redaction.Redactor;

/**
 * Everything bound for a model after redaction, each evidence item under its own id, and what the redaction found
 * across all of it (never values).
 */
record PreparedEvidence(String title, List<EvidenceText> evidence, Map<String, Integer> counts,
        Set<String> detectorsFound, Set<String> fieldsFound, Map<String, String> pseudonyms) {

    static PreparedEvidence of(Redactor redactor, String title, List<EvidenceText> items) {
        Findings findings = new Findings();
        String preparedTitle = findings.add(redactor.redact(title));
        List<EvidenceText> prepared = new ArrayList<>();
        for (EvidenceText item : items) {
            prepared.add(EvidenceText.newBuilder().setId(item.getId())
                    .setSummary(findings.add(redactor.redact(item.getSummary())))
                    .setText(findings.add(redactor.redact(item.getText()))).build());
        }
        return new PreparedEvidence(preparedTitle, prepared, findings.counts, findings.detectors, findings.fields,
                findings.pseudonyms);
    }

    /** What the redactions of one call found, added up. */
    private static final class Findings {

        final Map<String, Integer> counts = new TreeMap<>();
        final Set<String> detectors = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        final Map<String, String> pseudonyms = new HashMap<>();

        String add(Redacted r) {
            r.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
            detectors.addAll(r.detectorsFound());
            fields.addAll(r.fieldsFound());
            pseudonyms.putAll(r.pseudonyms());
            return r.text();
        }
    }
}
