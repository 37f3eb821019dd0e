package dev.watchfloor.governance.approval;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An approval request as stored. Never leaves governance: REST answers {@link Approval}, gRPC its proto. */
@Entity
@Table(schema = "governance", name = "approvals")
public class ApprovalEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(name = "action_id", nullable = false)
    public String actionId;
    @Column(name = "investigation_id", nullable = false)
    public String investigationId;
    @Column(name = "alert_id", nullable = false)
    public String alertId;
    @Column(name = "action_type", nullable = false)
    public String actionType;
    @Column(nullable = false)
    public String target;
    @Column(name = "parameters_json", nullable = false)
    public String parametersJson;
    @Column(name = "parameters_hash", nullable = false)
    public String parametersHash;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    /** Wire form of {@link ApprovalState}. */
    @Column(nullable = false)
    public String state;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    public String reason;
    /** The last state recorded in the audit ledger; null until the request itself is. */
    @Column(name = "audited_state")
    public String auditedState;
    @Column(name = "trace_id", nullable = false)
    public String traceId;
    /** Roles that may decide it, comma separated, from the policy rule that required the approval. */
    @Column(name = "approver_roles", nullable = false)
    public String approverRoles;

    Approval view() {
        return new Approval(id, tenant, actionId, investigationId, alertId, actionType, target, parametersJson,
                parametersHash, requestedBy, ApprovalState.fromWire(state), requestedAt, expiresAt, decidedBy,
                decidedAt, reason, java.util.List.of(approverRoles.split(",")));
    }
}
