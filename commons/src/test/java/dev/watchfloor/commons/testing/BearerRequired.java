package dev.watchfloor.commons.testing;

import java.util.function.Consumer;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * For a test's gRPC stand-in of a Watchfloor service: refuses calls without a bearer token, as the services do, and
 * hands each token it lets through to {@code seen} (a stand-in that checks who called keeps them).
 */
public final class BearerRequired implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final Consumer<String> seen;

    public BearerRequired() {
        this(token -> {
        });
    }

    public BearerRequired(Consumer<String> seen) {
        this.seen = seen;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            call.close(Status.UNAUTHENTICATED.withDescription("no bearer token"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        seen.accept(authorization.substring("Bearer ".length()));
        return next.startCall(call, headers);
    }
}
