package dev.watchfloor.governance.identity;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class PrincipalRepository implements PanacheRepositoryBase<PrincipalEntity, UUID> {

    public Uni<PrincipalEntity> byClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    /** Scoped by tenant: another tenant's id is simply not found. */
    public Uni<PrincipalEntity> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    public Uni<PrincipalEntity> byName(String tenant, String name) {
        return find("tenant = ?1 and name = ?2", tenant, name).firstResult();
    }

    public Uni<List<PrincipalEntity>> ofTenant(String tenant) {
        return list("tenant", Sort.by("createdAt"), tenant);
    }
}
