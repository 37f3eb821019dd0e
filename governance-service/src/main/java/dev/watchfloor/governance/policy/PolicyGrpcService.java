package dev.watchfloor.governance.policy;

import java.util.Map;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeResponse;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.governance.approval.ApprovalService;
import dev.watchfloor.governance.audit.GovernanceAudit;

/** Policy decisions for model calls and response actions. */
@GrpcService
public class PolicyGrpcService implements Policy {

    /** Room reserved for the model's answer on top of the input estimate. */
    static final int OUTPUT_ALLOWANCE = 1024;

    private final DefaultPolicy policy;
    private final ApprovalService approvals;
    private final GovernanceAudit audit;
    private final MeshCallers callers;

    public PolicyGrpcService(DefaultPolicy policy, ApprovalService approvals, GovernanceAudit audit,
            MeshCallers callers) {
        this.policy = policy;
        this.approvals = approvals;
        this.audit = audit;
        this.callers = callers;
    }

    @Override
    public Uni<PrepareModelCallResponse> prepareModelCall(PrepareModelCallRequest request) {
        Trace trace = Trace.current();
        return callers.require("Policy.PrepareModelCall", MeshService.REASONING)
                .chain(caller -> prepare(trace, request));
    }

    private Uni<PrepareModelCallResponse> prepare(Trace trace, PrepareModelCallRequest request) {
        if (request.getTenant().isBlank() || request.getInvestigationId().isBlank()) {
            return invalid("tenant and investigation_id are required");
        }
        PrepareModelCallResponse.Builder response = PrepareModelCallResponse.newBuilder()
                .setRoute(policy.modelRoute())
                .setPolicy(DefaultPolicy.NAME)
                .setReservedTokens(Math.max(0, request.getEstimatedInputTokens()) + OUTPUT_ALLOWANCE);
        int redacted = 0;
        for (String text : request.getEvidenceTextsList()) {
            String prepared = SecretRedactor.redact(text);
            redacted += prepared.equals(text) ? 0 : 1;
            response.addPreparedTexts(prepared);
        }
        Map<String, Object> details = Map.of("route", policy.modelRoute(), "items", request.getEvidenceTextsCount(),
                "itemsRedacted", redacted, "policy", DefaultPolicy.NAME);
        GovernanceAudit.Subject about = new GovernanceAudit.Subject(request.getTenant(), request.getAlertId(),
                request.getInvestigationId(), "");
        return audit.record(trace, "model_call.prepared", about, details).replaceWith(response.build());
    }

    @Override
    public Uni<AuthorizeResponse> authorize(AuthorizeRequest request) {
        Trace trace = Trace.current();
        return callers.require("Policy.Authorize", MeshService.ACTION).chain(caller -> decide(trace, request));
    }

    private Uni<AuthorizeResponse> decide(Trace trace, AuthorizeRequest request) {
        if (request.getTenant().isBlank() || request.getActionId().isBlank() || request.getActionType().isBlank()) {
            return invalid("tenant, action_id and action_type are required");
        }
        DefaultPolicy.ActionVerdict verdict = policy.decide(request.getActionType());
        AuthorizeResponse.Builder response = AuthorizeResponse.newBuilder().setDecision(verdict.decision())
                .setReason(verdict.reason()).setPolicy(DefaultPolicy.NAME);
        if (verdict.decision() != Decision.DECISION_REQUIRE_APPROVAL) {
            GovernanceAudit.Subject about = new GovernanceAudit.Subject(request.getTenant(), request.getAlertId(),
                    request.getInvestigationId(), request.getActionId());
            return audit.record(trace, "action.authorized", about,
                    Map.of("decision", verdict.decision().name(), "type", request.getActionType(),
                            "reason", verdict.reason()))
                    .replaceWith(response.build());
        }
        return approvals.request(trace, request)
                .map(approval -> response.setApprovalId(approval.id().toString()).build());
    }

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
