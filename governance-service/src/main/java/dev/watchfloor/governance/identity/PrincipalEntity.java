package dev.watchfloor.governance.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named identity of a tenant with its roles; with a client id and a hashed secret when it authenticates at
 * {@code /v1/auth/token}. Mesh services and the platform admin are principals of the {@code platform} tenant.
 */
@Entity
@Table(schema = "governance", name = "principals")
public class PrincipalEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String roles;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public Set<String> roleSet() {
        return new TreeSet<>(Arrays.asList(roles.trim().split("\\s+")));
    }

    public void roleSet(Set<String> values) {
        roles = String.join(" ", new TreeSet<>(values));
    }
}
