package dev.watchfloor.governance.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which version of its policy a tenant runs. No row: the default policy (version 0). */
@Entity
@Table(schema = "governance", name = "policies")
public class PolicyEntity {

    @Id
    public String tenant;

    @Column(name = "active_version", nullable = false)
    public int activeVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
