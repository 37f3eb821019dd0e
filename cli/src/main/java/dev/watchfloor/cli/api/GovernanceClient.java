package dev.watchfloor.cli.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** governance-service's approvals API. */
public final class GovernanceClient {

    private final JsonHttp http;

    public GovernanceClient(Endpoint endpoint, TokenSource tokens) {
        this.http = new JsonHttp(endpoint, tokens);
    }

    /** Platform admin: creates a tenant; answers its first admin's client credentials (shown once). */
    public JsonNode createTenant(String id) {
        return http.postValue("/v1/tenants", Map.of("id", id), JsonNode.class);
    }

    /** Tenant admin: creates a principal with client credentials; answers them (the secret is shown once). */
    public JsonNode createPrincipal(String name, Set<String> roles) {
        return http.postValue("/v1/principals", Map.of("name", name, "roles", roles), JsonNode.class);
    }

    /** Auditor: verifies the tenant's chain in governance; a broken chain is an ApiException (409). */
    public JsonNode verifyAudit() {
        return http.get("/v1/audit/verify", JsonNode.class);
    }

    /** Auditor: the public keys checkpoints are signed with (a JWK set). */
    public JsonNode auditKeys() {
        return http.get("/v1/audit/keys", JsonNode.class);
    }

    /** Auditor: streams the tenant's chain export (JSON Lines) into {@code out}. */
    public void exportAudit(java.io.OutputStream out) {
        http.download("/v1/audit/export", out);
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
