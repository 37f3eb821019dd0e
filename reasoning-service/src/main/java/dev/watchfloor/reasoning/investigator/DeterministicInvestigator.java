package dev.watchfloor.reasoning.investigator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment.Finding;
import dev.watchfloor.reasoning.investigator.rules.RulePack;
import dev.watchfloor.reasoning.investigator.rules.SigmaRule;

/**
 * The investigator used when no model is configured, as the fallback when the model path fails, and as the cross-check
 * of every model answer: it evaluates the rule pack (Sigma subset, over named fields) on the alert and the events tied
 * to it, weighs the matches with the alert's severity, and cites the items each conclusion rests on. Same case in, same
 * assessment out.
 */
@ApplicationScoped
public class DeterministicInvestigator {

    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private final RulePack rules;

    public DeterministicInvestigator() {
        this(RulePack.load());
    }

    DeterministicInvestigator(RulePack rules) {
        this.rules = rules;
    }

    /**
     * Assesses the case. Activity of a sanctioned alert entity is benign unless a critical rule matched (credential
     * dumping); whether it is sanctioned comes from the policy only, never from event text.
     */
    public Assessment investigate(Case c) {
        Map<SigmaRule, Set<String>> hits = new LinkedHashMap<>();
        List<String> alertTechniques = List.of();
        for (Evidence e : c.tied()) {
            RulePack.Reading reading = rules.read(e);
            reading.matches().forEach(m -> hits.computeIfAbsent(m.rule(), r -> new LinkedHashSet<>())
                    .add(m.evidenceId()));
            if (e == c.alert()) {
                alertTechniques = reading.values("technique");
            }
        }
        long malicious = hits.keySet().stream().filter(SigmaRule::malicious).count();
        boolean critical = hits.keySet().stream().anyMatch(r -> "critical".equals(r.level()));
        List<String> sanctionedActors = c.alertEntities().stream().filter(c.sanctioned()::containsKey).toList();
        Verdict verdict = verdict(malicious, critical, c.severityId(), !sanctionedActors.isEmpty());
        List<Finding> findings = findings(c, hits);
        sanctionedActors.forEach(entity -> findings.add(new Finding(entity + " is sanctioned by the tenant's policy ("
                + c.sanctioned().get(entity) + ")", List.of(c.alert().id()))));
        Set<String> cited = new LinkedHashSet<>();
        findings.forEach(f -> cited.addAll(f.evidenceIds()));
        List<String> techniques = techniques(alertTechniques, hits);
        return new Assessment(verdict, severity(verdict, c.severityId()), confidence(verdict, malicious, hits),
                techniques, summary(verdict, hits, sanctionedActors), findings,
                ResponsePlanner.plan(verdict, Set.copyOf(techniques), c.alertEntities(), List.copyOf(cited)));
    }

    static Verdict verdict(long malicious, boolean critical, int severityId, boolean sanctioned) {
        if (sanctioned && !critical) {
            return Verdict.BENIGN;
        }
        if (malicious >= 2 || (malicious == 1 && severityId >= 4)) {
            return Verdict.MALICIOUS;
        }
        if (malicious == 1 || severityId >= 4) {
            return Verdict.SUSPICIOUS;
        }
        return Verdict.FALSE_POSITIVE;
    }

    private static double confidence(Verdict verdict, long malicious, Map<SigmaRule, Set<String>> hits) {
        int corroboration = Math.min(3, hits.values().stream().mapToInt(Set::size).sum());
        double value = switch (verdict) {
            case MALICIOUS -> 0.6 + 0.1 * Math.min(malicious, 3) + 0.03 * corroboration;
            case BENIGN -> 0.75;
            case SUSPICIOUS -> 0.5;
            case FALSE_POSITIVE -> 0.6;
            case NEEDS_REVIEW -> 0;
        };
        return Math.round(Math.min(0.95, value) * 100) / 100.0;
    }

    private static Severity severity(Verdict verdict, int severityId) {
        if (verdict == Verdict.BENIGN || verdict == Verdict.FALSE_POSITIVE) {
            return Severity.INFORMATIONAL;
        }
        return Severity.ofAlert(severityId);
    }

    /** The alert's own ATT&CK ids first (sub-techniques kept), then those of the rules that matched. */
    private static List<String> techniques(List<String> alertTechniques, Map<SigmaRule, Set<String>> hits) {
        Set<String> ids = new LinkedHashSet<>();
        alertTechniques.stream().map(String::strip).filter(t -> TECHNIQUE.matcher(t).matches()).forEach(ids::add);
        hits.keySet().forEach(r -> ids.addAll(r.techniques()));
        return List.copyOf(ids);
    }

    private static String summary(Verdict verdict, Map<SigmaRule, Set<String>> hits, List<String> sanctioned) {
        String found = hits.isEmpty()
                ? "no rule matched"
                : "rules matched: " + String.join("; ", hits.keySet().stream().map(SigmaRule::title).toList());
        String policy = sanctioned.isEmpty() ? "" : "; sanctioned by policy: " + String.join(", ", sanctioned);
        return "Deterministic rules: " + found + policy + ". Verdict " + verdict.wire() + ".";
    }

    private static List<Finding> findings(Case c, Map<SigmaRule, Set<String>> hits) {
        List<Finding> findings = new ArrayList<>();
        if (c.alert() != null) {
            findings.add(new Finding("Alert raised: " + c.title(), List.of(c.alert().id())));
        }
        hits.forEach((rule, ids) -> {
            String technique = rule.techniques().isEmpty() ? "" : " (" + String.join(", ", rule.techniques()) + ")";
            findings.add(new Finding(ids.size() + " evidence item(s) match rule " + rule.id() + ": " + rule.title()
                    + technique, List.copyOf(ids)));
        });
        return findings;
    }
}
