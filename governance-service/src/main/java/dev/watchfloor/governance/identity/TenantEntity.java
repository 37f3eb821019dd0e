package dev.watchfloor.governance.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: the unit of data isolation. Never leaves governance; REST answers {@link TenantView}. */
@Entity
@Table(schema = "governance", name = "tenants")
public class TenantEntity {

    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
