package dev.watchfloor.governance.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of a tenant's policy document, exactly as its author submitted it. Versions are never changed. */
@Entity
@Table(schema = "governance", name = "policy_versions")
public class PolicyVersionEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    /** The YAML text as submitted, comments included. */
    @Column(nullable = false)
    public String document;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "trace_id", nullable = false)
    public String traceId;

    /** When its {@code policy.changed} entry reached the audit ledger; null while it is owed. */
    @Column(name = "audited_at")
    public Instant auditedAt;
}
