package dev.watchfloor.reasoning.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;

/**
 * Every finding and action cites existing evidence ids, and every entity a finding names (an extracted entity's value,
 * or a pseudonym) appears in the evidence it cites. A finding that fails turns the verdict to {@code needs_review} with
 * no actions; an action that cites nothing is dropped.
 */
final class CitationCheck implements Check {

    static final String NAME = "citations";
    private static final Pattern PSEUDONYM = Pattern.compile("pn_[a-z_]+_[0-9a-f]{12}");
    /** Shorter values ("db", "a") are words more often than names; they are not looked for. */
    private static final int MIN_NAME_LENGTH = 3;

    @Override
    public Checked apply(Assessment a, Grounds g) {
        Map<String, Evidence> byId = g.c().evidence().stream()
                .collect(Collectors.toMap(Evidence::id, Function.identity(), (x, y) -> x));
        Set<String> values = new LinkedHashSet<>();
        g.c().extractedEntities().forEach(e -> values.add(valueOf(e)));
        // each item's text in lower case once, not once per name a finding mentions
        Map<String, String> lowered = new HashMap<>();
        byId.forEach((id, e) -> lowered.put(id, (e.summary() + "\n" + e.text()).toLowerCase(Locale.ROOT)));
        List<String> problems = new ArrayList<>();
        boolean findingsHold = true;
        for (Assessment.Finding f : a.findings()) {
            if (!citesKnown(f.evidenceIds(), byId)) {
                problems.add("finding cites no or unknown evidence: " + f.statement());
                findingsHold = false;
                continue;
            }
            List<Evidence> cited = f.evidenceIds().stream().map(byId::get).toList();
            for (String name : named(f.statement(), values)) {
                if (cited.stream().noneMatch(e -> mentions(e, lowered.get(e.id()), name))) {
                    problems.add("finding names " + name + ", which the evidence it cites (" + f.evidenceIds()
                            + ") does not mention: " + f.statement());
                    findingsHold = false;
                }
            }
        }
        List<Assessment.ProposedAction> kept = new ArrayList<>();
        for (Assessment.ProposedAction action : a.actions()) {
            if (citesKnown(action.evidenceIds(), byId)) {
                kept.add(action);
            } else {
                problems.add("action " + action.type().wire() + " on " + action.target()
                        + " cites no or unknown evidence; dropped");
            }
        }
        Assessment checked = findingsHold ? a.withActions(kept) : a.withVerdict(Verdict.NEEDS_REVIEW, List.of());
        return new Checked(checked, CheckResult.of(NAME, problems, CheckOutcome.FAILED));
    }

    private static boolean citesKnown(List<String> ids, Map<String, Evidence> byId) {
        return !ids.isEmpty() && byId.keySet().containsAll(ids);
    }

    /** The entity values and pseudonyms a statement names. */
    static Set<String> named(String statement, Set<String> values) {
        Set<String> names = new LinkedHashSet<>();
        String lower = statement.toLowerCase(Locale.ROOT);
        for (String value : values) {
            if (value.length() >= MIN_NAME_LENGTH && containsToken(lower, value.toLowerCase(Locale.ROOT))) {
                names.add(value);
            }
        }
        Matcher m = PSEUDONYM.matcher(statement);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static boolean mentions(Evidence e, String loweredText, String name) {
        return e.entities().stream().anyMatch(x -> valueOf(x).equalsIgnoreCase(name))
                || containsToken(loweredText, name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code text} contains {@code token} not as part of a longer word (letters and digits around it). */
    static boolean containsToken(String text, String token) {
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            int end = i + token.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** {@code user:carol} → {@code carol}. */
    static String valueOf(String entity) {
        int colon = entity.indexOf(':');
        return colon < 0 ? entity : entity.substring(colon + 1);
    }
}
