package dev.watchfloor.commons.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with a stable RFC 9457 problem type. Services throw it (or fail a Uni with it) for anything the caller did
 * wrong or asked about that does not exist; the mapper renders it as application/problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", "No " + what + " with id '" + id + "'");
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad request", detail);
    }

    /** The extension member (seconds) that the mapper also sends as the {@code Retry-After} header. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    /** 503 with Retry-After: the service cannot take the request now; the same request later may succeed. */
    public static ProblemException unavailable(String type, String detail, int retryAfterSeconds) {
        return new ProblemException(503, type, "Service unavailable", detail).with(RETRY_AFTER, retryAfterSeconds);
    }

    /** Adds an RFC 9457 extension member (e.g. the id of the first bad audit entry); a null value adds nothing. */
    public ProblemException with(String member, Object value) {
        if (value != null) {
            extensions.put(member, value);
        }
        return this;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
