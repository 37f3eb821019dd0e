package dev.watchfloor.reasoning.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.testing.BearerRequired;
import dev.watchfloor.commons.testing.TokenEndpoint;
import dev.watchfloor.contracts.context.v1.AlertGroup;
import dev.watchfloor.contracts.context.v1.ContextGrpc;
import dev.watchfloor.contracts.context.v1.GetAlertGroupRequest;
import dev.watchfloor.contracts.context.v1.GetAlertGroupResponse;

/**
 * A real gRPC peer standing in for context-service at the edge of reasoning's tests: GetAlertGroup answers the group a
 * test put under the tenant and alert id, none when there is none, UNAVAILABLE while {@link #unavailable}; calls
 * without a bearer token are refused. Also governance's token endpoint, so reasoning gets its service token.
 */
public class ContextStandIn implements QuarkusTestResourceLifecycleManager {

    /** Groups by "tenant/alert id". */
    public static final Map<String, AlertGroup> GROUPS = new ConcurrentHashMap<>();
    public static final List<GetAlertGroupRequest> REQUESTS = new CopyOnWriteArrayList<>();
    public static volatile boolean unavailable;

    private Server server;
    private TokenEndpoint tokenEndpoint;

    public static String key(String tenant, String alertId) {
        return tenant + "/" + alertId;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new Groups(), new BearerRequired())).build().start();
        } catch (IOException e) {
            throw new IllegalStateException("context stand-in did not start", e);
        }
        tokenEndpoint = TokenEndpoint.start(MeshService.REASONING);
        String port = String.valueOf(server.getPort());
        // In test mode Quarkus points every gRPC client at the app's own test port unless test-port is set.
        return Map.of("quarkus.grpc.clients.context.port", port, "quarkus.grpc.clients.context.test-port", port,
                "quarkus.oidc-client.auth-server-url", tokenEndpoint.url());
    }

    static final class Groups extends ContextGrpc.ContextImplBase {

        @Override
        public void getAlertGroup(GetAlertGroupRequest request, StreamObserver<GetAlertGroupResponse> answer) {
            REQUESTS.add(request);
            if (unavailable) {
                answer.onError(Status.UNAVAILABLE.withDescription("context stand-in is down").asRuntimeException());
                return;
            }
            AlertGroup group = GROUPS.get(key(request.getTenant(), request.getAlertId()));
            answer.onNext(group == null
                    ? GetAlertGroupResponse.getDefaultInstance()
                    : GetAlertGroupResponse.newBuilder().setGroup(group).build());
            answer.onCompleted();
        }
    }

    @Override
    public void stop() {
        if (tokenEndpoint != null) {
            tokenEndpoint.close();
        }
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
