package dev.watchfloor.cli.api;

import java.util.List;

/** governance-service's approvals API. */
public final class GovernanceClient {

    private final JsonHttp http;

    public GovernanceClient(Endpoint endpoint) {
        this.http = new JsonHttp(endpoint);
    }

    public List<Approval> pendingApprovals() {
        return http.get("/v1/approvals?state=pending", Approval.Page.class).items();
    }

    public Approval approve(String approvalId, String reason) {
        return decide(approvalId, new Approval.Decision("approve", reason));
    }

    public Approval deny(String approvalId, String reason) {
        return decide(approvalId, new Approval.Decision("deny", reason));
    }

    private Approval decide(String approvalId, Approval.Decision decision) {
        return http.postValue("/v1/approvals/" + JsonHttp.encode(approvalId) + "/decision", decision,
                Approval.class);
    }
}
