package dev.watchfloor.action.testing;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.testing.TestTokens;

/** Calls action-service's gRPC API the way reasoning-service does: with reasoning's service token. */
@ApplicationScoped
public class AsReasoningService implements ClientInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {

            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(AUTHORIZATION, TestTokens.bearer(TestTokens.service(MeshService.REASONING)));
                super.start(listener, headers);
            }
        };
    }
}
