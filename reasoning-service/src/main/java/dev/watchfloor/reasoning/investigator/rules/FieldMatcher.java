package dev.watchfloor.reasoning.investigator.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code field|modifier|modifier: values} entry of a selection. Values compare without regard to case; by default
 * the field equals one of the values; {@code contains}, {@code startswith}, {@code endswith} and {@code re} change the
 * comparison and {@code all} requires every value instead of any.
 */
record FieldMatcher(String field, Mode mode, boolean all, List<String> values, List<Pattern> patterns) {

    enum Mode {
        EQUALS, CONTAINS, STARTSWITH, ENDSWITH, RE
    }

    static FieldMatcher parse(String key, List<String> values) {
        String[] parts = key.split("\\|");
        Mode mode = Mode.EQUALS;
        boolean all = false;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i].toLowerCase(Locale.ROOT)) {
                case "contains" -> mode = Mode.CONTAINS;
                case "startswith" -> mode = Mode.STARTSWITH;
                case "endswith" -> mode = Mode.ENDSWITH;
                case "re" -> mode = Mode.RE;
                case "all" -> all = true;
                default -> throw new IllegalArgumentException("unsupported modifier '" + parts[i] + "' in " + key);
            }
        }
        List<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        List<Pattern> patterns = mode == Mode.RE
                ? values.stream().map(v -> Pattern.compile(v, Pattern.CASE_INSENSITIVE)).toList()
                : List.of();
        return new FieldMatcher(parts[0], mode, all, lower, patterns);
    }

    /** Whether any of the field's values (a field may hold several, from an array) matches. */
    boolean matches(List<String> fieldValues) {
        if (fieldValues.isEmpty()) {
            return false;
        }
        if (mode == Mode.RE) {
            return all
                    ? patterns.stream().allMatch(p -> fieldValues.stream().anyMatch(v -> p.matcher(v).find()))
                    : patterns.stream().anyMatch(p -> fieldValues.stream().anyMatch(v -> p.matcher(v).find()));
        }
        List<String> lowered = fieldValues.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        return all
                ? values.stream().allMatch(want -> lowered.stream().anyMatch(v -> test(v, want)))
                : values.stream().anyMatch(want -> lowered.stream().anyMatch(v -> test(v, want)));
    }

    private boolean test(String value, String want) {
        return switch (mode) {
            case EQUALS -> value.equals(want);
            case CONTAINS -> value.contains(want);
            case STARTSWITH -> value.startsWith(want);
            case ENDSWITH -> value.endsWith(want);
            case RE -> false;
        };
    }
}
