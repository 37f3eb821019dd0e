package dev.watchfloor.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Rejects bodies over {@code quarkus.http.limits.max-body-size} with a problem+json 413 before they are read, and
 * renders the 413 that the HTTP layer raises for chunked bodies the same way.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBytes;
    private final ObjectMapper json;
    private final BodyHandler chunkedBodies;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
        // Buffers bodies of unknown length up to the limit, failing the route with 413 past it, so the failure
        // handler below can answer it (the REST layer's own 413 for streamed bodies has no body).
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBytes).setHandleFileUploads(false);
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
        if (length == null && hasBody(ctx) && !isGrpc(ctx)) {
            chunkedBodies.handle(ctx);
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

    private static boolean hasBody(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isGrpc(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.startsWith("application/grpc");
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
