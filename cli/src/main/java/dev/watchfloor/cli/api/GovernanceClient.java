package dev.watchfloor.cli.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** governance-service's API: tenants, principals, audit, policies, costs and approvals. */
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

    /** The active policy document, as YAML exactly as its author wrote it. */
    public String policyYaml() {
        return http.getText("/v1/policies", "application/yaml");
    }

    /** The active policy with its version, author and time. */
    public JsonNode policy() {
        return http.get("/v1/policies", JsonNode.class);
    }

    /** Admin: makes the YAML document the active policy; a rejected one is an ApiException listing every violation. */
    public JsonNode setPolicy(String yaml) {
        return http.putText("/v1/policies", yaml, "application/yaml", JsonNode.class);
    }

    public JsonNode policyHistory() {
        return http.get("/v1/policies/history", JsonNode.class);
    }

    public String policyDiff(int from, int to) {
        return http.getText("/v1/policies/diff?from=" + from + "&to=" + to, "text/plain");
    }

    /** Usage and cost per day, department, route and step, with each department's budget; dates may be null. */
    public JsonNode costs(String from, String to) {
        java.util.StringJoiner query = new java.util.StringJoiner("&", "/v1/costs?", "").setEmptyValue("/v1/costs");
        if (from != null) {
            query.add("from=" + JsonHttp.encode(from));
        }
        if (to != null) {
            query.add("to=" + JsonHttp.encode(to));
        }
        return http.get(query.toString(), JsonNode.class);
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
