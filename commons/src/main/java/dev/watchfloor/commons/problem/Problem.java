package dev.watchfloor.commons.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details. {@code type} is a stable URI per error kind, so clients can branch on it; {@code errors}
 * lists field-level violations when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://watchfloor.dev/problems/";

    public static Problem of(int status, String typeSlug, String title, String detail, String instance) {
        return new Problem(URI.create(TYPE_BASE + typeSlug), title, status, detail, instance, List.of(), Map.of());
    }

    /** 401: no valid bearer token; the same answer whether the HTTP layer or a resource found it out. */
    public static Problem unauthenticated(String instance) {
        return of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required (missing, malformed, expired or not from a trusted issuer)",
                instance);
    }

    /** 403: the token is valid but its roles do not allow the request. */
    public static Problem forbidden(String instance) {
        return of(403, "forbidden", "Forbidden", "The principal's roles do not allow this request", instance);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    /** Adds RFC 9457 extension members, rendered at the top level of the JSON object. */
    public Problem withExtensions(Map<String, Object> members) {
        return new Problem(type, title, status, detail, instance, errors, Map.copyOf(members));
    }

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }
}
