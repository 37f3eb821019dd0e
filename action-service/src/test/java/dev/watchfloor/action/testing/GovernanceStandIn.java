package dev.watchfloor.action.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.testing.BearerRequired;
import dev.watchfloor.commons.testing.TokenEndpoint;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchResponse;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditResponse;
import dev.watchfloor.contracts.governance.v1.Approval;
import dev.watchfloor.contracts.governance.v1.ApprovalState;
import dev.watchfloor.contracts.governance.v1.ApprovalsGrpc;
import dev.watchfloor.contracts.governance.v1.AuditGrpc;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchResponse;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsResponse;
import dev.watchfloor.contracts.governance.v1.PolicyGrpc;

/**
 * A real gRPC peer standing in for governance-service at the edge of action-service's tests: Policy.Authorize decides
 * like governance's default policy (containment needs approval, tickets and notifications are allowed) unless a test
 * overrides the decision for a type; Approvals.Get serves approvals that tests decide; Audit.Append stores entries once
 * per idempotency key, as governance's ledger does, answering a repeated key with the entry already stored.
 * {@link #unavailable} makes Policy and Audit answer UNAVAILABLE; {@link #ANSWERS_TO_LOSE} makes the next appends (or
 * batches) store their entry but answer UNAVAILABLE, as when an answer is lost on the way back.
 */
public class GovernanceStandIn implements QuarkusTestResourceLifecycleManager {

    static final Set<String> CONTAINMENT = Set.of("isolate_host", "disable_user", "block_ip");

    public static final Map<String, Decision> DECISIONS = new ConcurrentHashMap<>();
    public static final Map<String, List<AuthorizeRequest>> AUTHORIZE_CALLS = new ConcurrentHashMap<>();
    public static final Map<String, Approval> APPROVALS = new ConcurrentHashMap<>();
    /** Pseudonymous targets the stand-in resolves, as governance does with the pseudonyms it minted. */
    public static final Map<String, String> PSEUDONYMS = new ConcurrentHashMap<>();
    /** The ledger: each entry once. */
    public static final List<AppendAuditRequest> AUDIT = new CopyOnWriteArrayList<>();
    /** Every Audit.Append received, repeats and refused ones included. */
    public static final List<AppendAuditRequest> AUDIT_CALLS = new CopyOnWriteArrayList<>();
    /** The number of entries of each Audit.AppendBatch received, in order. */
    public static final List<Integer> BATCH_SIZES = new CopyOnWriteArrayList<>();
    public static final AtomicInteger ANSWERS_TO_LOSE = new AtomicInteger();
    public static volatile boolean unavailable;
    private static final Map<String, AppendAuditResponse> STORED_BY_KEY = new ConcurrentHashMap<>();

    /** The bearer token of every call received, so tests can see action-service authenticated itself. */
    public static final List<String> BEARERS = new CopyOnWriteArrayList<>();

    private Server server;
    private TokenEndpoint tokenEndpoint;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new PolicyStandIn(), new BearerRequired(BEARERS::add)))
                    .addService(ServerInterceptors.intercept(new ApprovalsStandIn(), new BearerRequired(BEARERS::add)))
                    .addService(ServerInterceptors.intercept(new AuditStandIn(), new BearerRequired(BEARERS::add)))
                    .build().start();
        } catch (IOException e) {
            throw new IllegalStateException("governance stand-in did not start", e);
        }
        tokenEndpoint = TokenEndpoint.start(MeshService.ACTION);
        String port = String.valueOf(server.getPort());
        // In test mode Quarkus points every gRPC client at the app's own test port unless test-port is set.
        return Map.of("quarkus.grpc.clients.governance.port", port, "quarkus.grpc.clients.governance.test-port",
                port, "quarkus.oidc-client.auth-server-url",
                tokenEndpoint.url());
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

    public static void reset() {
        DECISIONS.clear();
        unavailable = false;
        ANSWERS_TO_LOSE.set(0);
    }

    /** A human decides the approval; {@code parametersHash} may differ from the action's to simulate tampering. */
    public static void decide(String approvalId, ApprovalState state, String parametersHash) {
        Approval current = APPROVALS.get(approvalId);
        APPROVALS.put(approvalId, current.toBuilder().setState(state).setDecidedBy("analyst@example.com")
                .setDecidedAt("2025-01-01T00:00:00Z").setParametersHash(parametersHash).build());
    }

    /** The ledger's entries about one action. */
    public static List<AppendAuditRequest> auditOf(String actionId) {
        return AUDIT.stream().filter(a -> a.getActionId().equals(actionId)).toList();
    }

    /** Every append received about one action, repeats included. */
    public static List<AppendAuditRequest> appendCallsOf(String actionId) {
        return AUDIT_CALLS.stream().filter(a -> a.getActionId().equals(actionId)).toList();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class PolicyStandIn extends PolicyGrpc.PolicyImplBase {

        @Override
        public void authorize(AuthorizeRequest request, StreamObserver<AuthorizeResponse> response) {
            if (unavailable) {
                response.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                return;
            }
            response.onNext(decide(request));
            response.onCompleted();
        }

        @Override
        public void authorizeBatch(AuthorizeBatchRequest request, StreamObserver<AuthorizeBatchResponse> response) {
            if (unavailable) {
                response.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                return;
            }
            AuthorizeBatchResponse.Builder answer = AuthorizeBatchResponse.newBuilder();
            request.getActionsList().forEach(action -> answer.addDecisions(decide(action)));
            response.onNext(answer.build());
            response.onCompleted();
        }

        private static AuthorizeResponse decide(AuthorizeRequest request) {
            AUTHORIZE_CALLS.computeIfAbsent(request.getActionId(), id -> new CopyOnWriteArrayList<>()).add(request);
            String resolved = PSEUDONYMS.get(request.getTarget());
            if (resolved != null) {
                request = request.toBuilder().setTarget(resolved).build();
            }
            Decision decision = DECISIONS.getOrDefault(request.getActionType(),
                    CONTAINMENT.contains(request.getActionType())
                            ? Decision.DECISION_REQUIRE_APPROVAL
                            : Decision.DECISION_ALLOW);
            AuthorizeResponse.Builder answer = AuthorizeResponse.newBuilder().setDecision(decision)
                    .setPolicy("stand-in").setReason("stand-in says " + decision.name());
            if (decision == Decision.DECISION_REQUIRE_APPROVAL) {
                answer.setApprovalId(approvalFor(request));
            }
            if (resolved != null) {
                answer.setResolvedTarget(resolved);
            }
            return answer.build();
        }

        private static String approvalFor(AuthorizeRequest request) {
            return APPROVALS.values().stream().filter(a -> a.getActionId().equals(request.getActionId()))
                    .map(Approval::getApprovalId).findFirst().orElseGet(() -> {
                        String id = UUID.randomUUID().toString();
                        APPROVALS.put(id, Approval.newBuilder().setApprovalId(id).setTenant(request.getTenant())
                                .setActionId(request.getActionId()).setActionType(request.getActionType())
                                .setTarget(request.getTarget()).setState(ApprovalState.APPROVAL_STATE_PENDING)
                                .setParametersHash(sha256(request.getParametersJson()))
                                .setExpiresAt("2099-01-01T00:00:00Z").build());
                        return id;
                    });
        }
    }

    static final class ApprovalsStandIn extends ApprovalsGrpc.ApprovalsImplBase {

        @Override
        public void get(GetApprovalRequest request, StreamObserver<Approval> response) {
            Approval approval = APPROVALS.get(request.getApprovalId());
            if (approval == null || !approval.getTenant().equals(request.getTenant())) {
                response.onError(Status.NOT_FOUND.withDescription("no approval " + request.getApprovalId())
                        .asRuntimeException());
                return;
            }
            response.onNext(approval);
            response.onCompleted();
        }

        @Override
        public void getMany(GetApprovalsRequest request, StreamObserver<GetApprovalsResponse> response) {
            GetApprovalsResponse.Builder answer = GetApprovalsResponse.newBuilder();
            for (GetApprovalRequest asked : request.getApprovalsList()) {
                Approval approval = APPROVALS.get(asked.getApprovalId());
                if (approval != null && approval.getTenant().equals(asked.getTenant())) {
                    answer.addApprovals(approval);
                }
            }
            response.onNext(answer.build());
            response.onCompleted();
        }
    }

    static final class AuditStandIn extends AuditGrpc.AuditImplBase {

        @Override
        public void append(AppendAuditRequest request, StreamObserver<AppendAuditResponse> response) {
            AUDIT_CALLS.add(request);
            if (unavailable) {
                response.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                return;
            }
            AppendAuditResponse stored = storeOnce(request);
            if (ANSWERS_TO_LOSE.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("answer lost").asRuntimeException());
                return;
            }
            response.onNext(stored);
            response.onCompleted();
        }

        /** Like {@link #append} for each entry, in one call: down, all fail; an answer lost, the whole batch's. */
        @Override
        public void appendBatch(AppendAuditBatchRequest request, StreamObserver<AppendAuditBatchResponse> response) {
            AUDIT_CALLS.addAll(request.getEntriesList());
            BATCH_SIZES.add(request.getEntriesCount());
            if (unavailable) {
                response.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                return;
            }
            AppendAuditBatchResponse.Builder stored = AppendAuditBatchResponse.newBuilder();
            request.getEntriesList().forEach(entry -> stored.addEntries(storeOnce(entry)));
            if (ANSWERS_TO_LOSE.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("answer lost").asRuntimeException());
                return;
            }
            response.onNext(stored.build());
            response.onCompleted();
        }

        private static synchronized AppendAuditResponse storeOnce(AppendAuditRequest request) {
            String key = request.getIdempotencyKey();
            AppendAuditResponse known = key.isEmpty() ? null : STORED_BY_KEY.get(key);
            if (known != null) {
                return known;
            }
            AUDIT.add(request);
            AppendAuditResponse stored = AppendAuditResponse.newBuilder().setSeq(AUDIT.size()).setHash("stand-in")
                    .build();
            if (!key.isEmpty()) {
                STORED_BY_KEY.put(key, stored);
            }
            return stored;
        }
    }
}
