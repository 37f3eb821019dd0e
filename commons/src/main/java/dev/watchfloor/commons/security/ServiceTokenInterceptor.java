package dev.watchfloor.commons.security;

import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Sends this service's own token ({@link ServiceTokens}) with every call of a gRPC client it is registered on
 * ({@code @RegisterClientInterceptor(ServiceTokenInterceptor.class)}). The token is attached asynchronously as call
 * credentials, so no thread waits for it; when no token can be had, the call fails {@code UNAUTHENTICATED}.
 */
@ApplicationScoped
public class ServiceTokenInterceptor implements ClientInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final CallCredentials credentials;

    public ServiceTokenInterceptor(ServiceTokens tokens) {
        this.credentials = new BearerCredentials(tokens);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withCallCredentials(credentials));
    }

    private static final class BearerCredentials extends CallCredentials {

        private final ServiceTokens tokens;

        BearerCredentials(ServiceTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            tokens.accessToken().subscribe().with(token -> {
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + token);
                applier.apply(headers);
            }, failure -> applier.fail(Status.UNAUTHENTICATED
                    .withDescription("no service token from governance: " + failure.getMessage())
                    .withCause(failure)));
        }
    }
}
