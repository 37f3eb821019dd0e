package dev.watchfloor.cli.api;

import java.util.List;

/** An RFC 9457 problem+json body as the services send it. */
public record Problem(String type, String title, Integer status, String detail, List<FieldError> errors,
        List<Violation> violations) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public Problem(String type, String title, Integer status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, List.of());
    }

    /** {@code "<title>: <detail>"}, then one line per invalid field or document violation. */
    public String describe() {
        StringBuilder text = new StringBuilder(title == null || title.isBlank() ? "HTTP " + status : title);
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        errors.forEach(error -> text.append(System.lineSeparator()).append("  ").append(error.field()).append(": ")
                .append(error.message()));
        violations.forEach(v -> text.append(System.lineSeparator()).append("  line ").append(v.line())
                .append(", column ").append(v.column()).append(" (").append(v.rule()).append(") ").append(v.path())
                .append(": ").append(v.message()));
        return text.toString();
    }

    /** One problem in a submitted document (a policy), where it is and which rule it breaks. */
    public record Violation(int line, int column, String path, String rule, String message) {
    }

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }
}
