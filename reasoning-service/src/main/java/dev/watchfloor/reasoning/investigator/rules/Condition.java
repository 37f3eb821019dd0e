package dev.watchfloor.reasoning.investigator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A rule's {@code condition}, in the subset of Sigma's grammar Watchfloor supports: selection names, {@code and},
 * {@code or}, {@code not}, parentheses, and {@code 1 of X*} / {@code all of X*} / {@code 1 of them} /
 * {@code all of them}. Parsed once by recursive descent; evaluated against the names of the selections that matched.
 */
interface Condition {

    boolean test(Predicate<String> selectionMatches);

    static Condition parse(String text, Set<String> selections) {
        Parser parser = new Parser(tokens(text), selections, text);
        Condition c = parser.or();
        if (parser.at < parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.at) + "' in condition: "
                    + text);
        }
        return c;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    final class Parser {

        private final List<String> tokens;
        private final Set<String> selections;
        private final String text;
        private int at;

        Parser(List<String> tokens, Set<String> selections, String text) {
            this.tokens = tokens;
            this.selections = selections;
            this.text = text;
        }

        Condition or() {
            Condition left = and();
            while (peek("or")) {
                at++;
                Condition l = left;
                Condition r = and();
                left = m -> l.test(m) || r.test(m);
            }
            return left;
        }

        Condition and() {
            Condition left = unary();
            while (peek("and")) {
                at++;
                Condition l = left;
                Condition r = unary();
                left = m -> l.test(m) && r.test(m);
            }
            return left;
        }

        Condition unary() {
            if (peek("not")) {
                at++;
                Condition inner = unary();
                return m -> !inner.test(m);
            }
            if (peek("(")) {
                at++;
                Condition inner = or();
                expect(")");
                return inner;
            }
            if (peek("1") || peek("all")) {
                boolean all = tokens.get(at++).equals("all");
                expect("of");
                List<String> names = group(next());
                return all ? m -> names.stream().allMatch(m) : m -> names.stream().anyMatch(m);
            }
            String name = next();
            if (!selections.contains(name)) {
                throw new IllegalArgumentException("condition names unknown selection '" + name + "': " + text);
            }
            return m -> m.test(name);
        }

        private List<String> group(String pattern) {
            if (pattern.equals("them")) {
                return List.copyOf(selections);
            }
            Pattern glob = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
            List<String> names = selections.stream().filter(s -> glob.matcher(s).matches()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no selection matches '" + pattern + "': " + text);
            }
            return names;
        }

        private boolean peek(String word) {
            return at < tokens.size() && tokens.get(at).equalsIgnoreCase(word);
        }

        private String next() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("condition ends too early: " + text);
            }
            return tokens.get(at++);
        }

        private void expect(String word) {
            if (!peek(word)) {
                throw new IllegalArgumentException("expected '" + word + "' in condition: " + text);
            }
            at++;
        }
    }
}
