package dev.watchfloor.reasoning.investigator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.watchfloor.reasoning.investigator.Assessment.Finding;

/**
 * The investigator used when no model is configured, and as the fallback: it matches known indicators in the evidence,
 * weighs them with the alert's severity, and cites the items each conclusion rests on. Same evidence in, same
 * assessment out.
 */
@ApplicationScoped
public class DeterministicInvestigator {

    record Hit(String evidenceId, String phrase) {
    }

    /**
     * Assesses the evidence. {@code sanctioned} maps the entities the tenant's policy sanctions at the time of the
     * alert (allow-lists, change windows) to the reason; activity of a sanctioned alert entity is benign unless the
     * evidence shows credential dumping or malware.
     */
    public Assessment investigate(String title, int severityId, List<Evidence> evidence,
            Map<String, String> sanctioned) {
        Map<Signals, List<Hit>> hits = new EnumMap<>(Signals.class);
        for (Evidence e : evidence) {
            String text = e.summary() + "\n" + e.text();
            for (Signals signal : Signals.values()) {
                String phrase = signal.match(text);
                if (phrase != null) {
                    hits.computeIfAbsent(signal, s -> new ArrayList<>()).add(new Hit(e.id(), phrase));
                }
            }
        }
        long malicious = hits.keySet().stream().filter(s -> s.malicious).count();
        List<String> alertEntities = evidence.isEmpty() ? List.of() : evidence.get(0).entities();
        List<String> sanctionedActors = alertEntities.stream().filter(sanctioned::containsKey).toList();
        Verdict verdict = verdict(hits, malicious, severityId, !sanctionedActors.isEmpty());
        double confidence = confidence(verdict, malicious, hits);
        List<Finding> findings = findings(title, evidence, hits);
        sanctionedActors.forEach(entity -> findings.add(new Finding(entity + " is sanctioned by the tenant's policy ("
                + sanctioned.get(entity) + ")", List.of(evidence.get(0).id()))));
        return new Assessment(verdict, severity(verdict, severityId), confidence, techniques(hits), findings,
                ResponsePlanner.plan(verdict, hits.keySet(), alertEntities));
    }

    static Verdict verdict(Map<Signals, List<Hit>> hits, long malicious, int severityId, boolean sanctioned) {
        boolean severe = hits.containsKey(Signals.CREDENTIAL_DUMPING) || hits.containsKey(Signals.MALWARE);
        if (sanctioned && !severe) {
            return Verdict.BENIGN;
        }
        if (malicious >= 2 || (malicious == 1 && severityId >= 4)) {
            return Verdict.TRUE_POSITIVE;
        }
        if (malicious == 1 || severityId >= 4) {
            return Verdict.NEEDS_REVIEW;
        }
        return Verdict.FALSE_POSITIVE;
    }

    private static double confidence(Verdict verdict, long malicious, Map<Signals, List<Hit>> hits) {
        int corroboration = Math.min(3, hits.values().stream().mapToInt(List::size).sum());
        double value = switch (verdict) {
            case TRUE_POSITIVE -> 0.6 + 0.1 * Math.min(malicious, 3) + 0.03 * corroboration;
            case BENIGN -> 0.75;
            case NEEDS_REVIEW -> 0.5;
            case FALSE_POSITIVE -> 0.6;
        };
        return Math.round(Math.min(0.95, value) * 100) / 100.0;
    }

    private static String severity(Verdict verdict, int severityId) {
        if (verdict == Verdict.BENIGN || verdict == Verdict.FALSE_POSITIVE) {
            return "informational";
        }
        return switch (severityId) {
            case 5, 6 -> "critical";
            case 4 -> "high";
            case 3 -> "medium";
            case 2, 1 -> "low";
            default -> verdict == Verdict.TRUE_POSITIVE ? "high" : "medium";
        };
    }

    private static List<String> techniques(Map<Signals, List<Hit>> hits) {
        return hits.keySet().stream().map(s -> s.technique).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static List<Finding> findings(String title, List<Evidence> evidence, Map<Signals, List<Hit>> hits) {
        List<Finding> findings = new ArrayList<>();
        if (!evidence.isEmpty()) {
            findings.add(new Finding("Alert raised: " + title, List.of(evidence.get(0).id())));
        }
        hits.forEach((signal, list) -> {
            Set<String> ids = new LinkedHashSet<>();
            Set<String> phrases = new LinkedHashSet<>();
            list.forEach(h -> {
                ids.add(h.evidenceId());
                phrases.add(h.phrase());
            });
            String label = signal.name().toLowerCase().replace('_', ' ');
            String technique = signal.technique.isEmpty() ? "" : " (" + signal.technique + ")";
            findings.add(new Finding(ids.size() + " evidence item(s) indicate " + label + technique + ": "
                    + String.join(", ", phrases), List.copyOf(ids)));
        });
        return findings;
    }
}
