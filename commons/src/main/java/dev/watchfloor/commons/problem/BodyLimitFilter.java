package dev.watchfloor.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rejects bodies over {@code quarkus.http.limits.max-body-size} with a problem+json 413 before they are read, and
 * renders the 413 that the HTTP layer raises for chunked bodies the same way.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::renderTooLarge);
    }

    private void checkLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBytes) {
            send(ctx, tooLarge(ctx, "The body has " + length + " bytes; the limit is " + maxBytes));
            return;
        }
        ctx.next();
    }

    private void renderTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            send(ctx, tooLarge(ctx, "The body exceeds the limit of " + maxBytes + " bytes"));
            return;
        }
        ctx.next();
    }

    private Problem tooLarge(RoutingContext ctx, String detail) {
        return Problem.of(413, "payload-too-large", "Payload too large", detail, ctx.request().path());
    }

    private void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
