package dev.watchfloor.commons.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.watchfloor.commons.problem.Problem;

/**
 * Answers a failed authentication before any resource runs (a token that is malformed, expired, wrongly signed, of an
 * unknown issuer or audience): REST callers get a 401 problem+json with {@code WWW-Authenticate: Bearer}; gRPC callers
 * get the status {@code UNAUTHENTICATED} in a trailers-only response.
 */
@ApplicationScoped
public class AuthFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        int status;
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException
                || failure instanceof UnauthorizedException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else {
            context.next();
            return;
        }
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        String contentType = context.request().getHeader("content-type");
        if (contentType != null && contentType.startsWith("application/grpc")) {
            context.response().setStatusCode(200).putHeader("content-type", "application/grpc")
                    .putHeader("grpc-status", status == 401 ? "16" : "7")
                    .putHeader("grpc-message", status == 401
                            ? "invalid%20or%20expired%20bearer%20token"
                            : "permission%20denied")
                    .end();
            return;
        }
        Problem problem = status == 401
                ? Problem.unauthenticated(context.request().path())
                : Problem.forbidden(context.request().path());
        context.response().setStatusCode(status).putHeader("content-type", Problem.MEDIA_TYPE);
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.response().end(Json.encode(problem));
    }
}
