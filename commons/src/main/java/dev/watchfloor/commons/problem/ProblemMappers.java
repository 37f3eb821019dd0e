package dev.watchfloor.commons.problem;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where every service turns exceptions into RFC 9457 problem+json. Client mistakes get a 4xx with a
 * stable type and a message that says what to fix; anything else is logged with its stack and answered with a 500 that
 * leaks nothing.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(
                Problem.of(e.status(), e.type(), e.title(), e.getMessage(), path(uri)).withExtensions(e.extensions()));
        Object retryAfter = e.extensions().get(ProblemException.RETRY_AFTER);
        return retryAfter == null
                ? response
                : Response.fromResponse(response).header("Retry-After", retryAfter).build();
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON for this endpoint" + where + ": " + e.getOriginalMessage(),
                path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(Problem.of(400, "validation-failed", "Invalid request",
                errors.size() + " field(s) failed validation", path(uri)).withErrors(errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.unauthenticated(path(uri)))).header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.forbidden(path(uri)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException parse) {
            return invalidJson(parse, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        HttpProblems.Kind kind = HttpProblems.forStatus(status);
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? kind.detail() : e.getMessage();
        return respond(Problem.of(status, kind.slug(), kind.title(), detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unhandled failure on %s", path(uri));
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The service failed to handle this request; the failure is logged", path(uri)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String leaf(String propertyPath) {
        // "submit.request.alerts[0].title" -> "alerts[0].title": drop the method and parameter names.
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : propertyPath;
    }
}
