package dev.watchfloor.governance.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.governance.identity.IdentityViews.Credentials;
import dev.watchfloor.governance.identity.IdentityViews.PrincipalView;
import dev.watchfloor.governance.identity.IdentityViews.TenantCreated;
import dev.watchfloor.governance.identity.IdentityViews.TenantView;

/** Tenants, principals and their client credentials. Every read and write of a tenant's principals names the tenant. */
@ApplicationScoped
public class IdentityService {

    public static final String PLATFORM_TENANT = "platform";

    private final TenantRepository tenants;
    private final PrincipalRepository principals;

    public IdentityService(TenantRepository tenants, PrincipalRepository principals) {
        this.tenants = tenants;
        this.principals = principals;
    }

    /** The enabled principal these client credentials belong to, or null. */
    @WithSession
    public Uni<PrincipalEntity> authenticate(String clientId, String secret) {
        return principals.byClientId(clientId)
                .map(p -> p != null && !p.disabled && ClientSecrets.matches(secret, p.secretHash) ? p : null);
    }

    @WithTransaction
    public Uni<TenantCreated> createTenant(String by, String id, String displayName) {
        return tenants.findById(id).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(409, "tenant-exists", "Tenant exists", "Tenant '" + id + "' exists");
            }
            TenantEntity tenant = new TenantEntity();
            tenant.id = id;
            tenant.displayName = displayName == null || displayName.isBlank() ? id : displayName;
            tenant.createdAt = now();
            tenant.createdBy = by;
            return tenants.persist(tenant);
        }).chain(tenant -> newPrincipal(tenant.id, "admin", Set.of(Roles.ADMIN), by, true)
                .map(c -> new TenantCreated(TenantView.of(tenant), c.clientId(), c.clientSecret())));
    }

    @WithTransaction
    public Uni<Credentials> createPrincipal(String tenant, String by, String name, Set<String> roles,
            boolean withClient) {
        Set<String> unknown = new HashSet<>(roles);
        unknown.removeAll(Roles.TENANT_ROLES);
        if (roles.isEmpty() || !unknown.isEmpty()) {
            throw new ProblemException(400, "invalid-roles", "Invalid roles",
                    "roles must be a non-empty subset of " + new java.util.TreeSet<>(Roles.TENANT_ROLES)
                            + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        return principals.byName(tenant, name).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(409, "principal-exists", "Principal exists",
                        "A principal named '" + name + "' exists in this tenant");
            }
            return newPrincipal(tenant, name, roles, by, withClient);
        });
    }

    @WithSession
    public Uni<List<PrincipalView>> list(String tenant) {
        return principals.ofTenant(tenant).map(all -> all.stream().map(PrincipalView::of).toList());
    }

    @WithSession
    public Uni<PrincipalView> get(String tenant, UUID id) {
        return found(tenant, id).map(PrincipalView::of);
    }

    /** A new secret for the principal's client; the old one stops working at once. */
    @WithTransaction
    public Uni<Credentials> rotateSecret(String tenant, UUID id) {
        return found(tenant, id).map(p -> {
            String secret = ClientSecrets.newSecret();
            if (p.clientId == null) {
                p.clientId = ClientSecrets.newClientId();
            }
            p.secretHash = ClientSecrets.hash(secret);
            return new Credentials(PrincipalView.of(p), p.clientId, secret);
        });
    }

    /** Disables the principal: no new tokens; tokens already issued lapse within their lifetime. */
    @WithTransaction
    public Uni<PrincipalView> disable(String tenant, UUID id) {
        return found(tenant, id).map(p -> {
            p.disabled = true;
            return PrincipalView.of(p);
        });
    }

    /**
     * Makes sure the platform tenant and a principal with these credentials exist; an existing principal keeps its
     * secret unless {@code overwrite} (the deployment owns mesh service secrets, the admin owns theirs).
     */
    @WithTransaction
    public Uni<Void> ensurePlatformClient(String clientId, String role, String secret, boolean overwrite) {
        return tenants.findById(PLATFORM_TENANT).chain(t -> {
            if (t != null) {
                return Uni.createFrom().item(t);
            }
            TenantEntity platform = new TenantEntity();
            platform.id = PLATFORM_TENANT;
            platform.displayName = "Watchfloor platform";
            platform.createdAt = now();
            platform.createdBy = "governance-service";
            return tenants.persist(platform);
        }).chain(() -> principals.byClientId(clientId)).chain(existing -> {
            if (existing != null) {
                if (overwrite) {
                    existing.secretHash = ClientSecrets.hash(secret);
                    existing.disabled = false;
                }
                return Uni.createFrom().voidItem();
            }
            PrincipalEntity p = principal(PLATFORM_TENANT, clientId, Set.of(role), "governance-service");
            p.clientId = clientId;
            p.secretHash = ClientSecrets.hash(secret);
            return principals.persist(p).replaceWithVoid();
        });
    }

    private Uni<Credentials> newPrincipal(String tenant, String name, Set<String> roles, String by,
            boolean withClient) {
        PrincipalEntity p = principal(tenant, name, roles, by);
        String secret = withClient ? ClientSecrets.newSecret() : null;
        if (withClient) {
            p.clientId = ClientSecrets.newClientId();
            p.secretHash = ClientSecrets.hash(secret);
        }
        return principals.persist(p).map(saved -> new Credentials(PrincipalView.of(saved), saved.clientId, secret));
    }

    private Uni<PrincipalEntity> found(String tenant, UUID id) {
        return principals.inTenant(tenant, id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("principal", id.toString());
            }
            return p;
        });
    }

    private static PrincipalEntity principal(String tenant, String name, Set<String> roles, String by) {
        PrincipalEntity p = new PrincipalEntity();
        p.id = UUID.randomUUID();
        p.tenant = tenant;
        p.name = name;
        p.roleSet(roles);
        p.createdAt = now();
        p.createdBy = by;
        return p;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
