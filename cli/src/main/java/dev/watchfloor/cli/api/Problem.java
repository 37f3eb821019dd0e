package dev.watchfloor.cli.api;

import java.util.List;

/** An RFC 9457 problem+json body as the services send it. */
public record Problem(String type, String title, Integer status, String detail, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** {@code "<title>: <detail>"}, then one line per invalid field. */
    public String describe() {
        StringBuilder text = new StringBuilder(title == null || title.isBlank() ? "HTTP " + status : title);
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        errors.forEach(error -> text.append(System.lineSeparator()).append("  ").append(error.field()).append(": ")
                .append(error.message()));
        return text.toString();
    }

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }
}
