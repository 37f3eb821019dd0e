package dev.watchfloor.governance.policy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Policy versions, and the active version of each tenant. */
@ApplicationScoped
@WithSession
public class PolicyRepository implements PanacheRepositoryBase<PolicyVersionEntity, UUID> {

    /** The tenant's active version number; 0 (the default policy) when it never set one. */
    public Uni<Integer> activeVersion(String tenant) {
        return Panache.getSession().chain(s -> s.find(PolicyEntity.class, tenant))
                .map(p -> p == null ? 0 : p.activeVersion);
    }

    public Uni<PolicyVersionEntity> version(String tenant, int version) {
        return find("tenant = ?1 and version = ?2", tenant, version).firstResult();
    }

    public Uni<List<PolicyVersionEntity>> history(String tenant) {
        return list("tenant", Sort.by("version").descending(), tenant);
    }

    /**
     * Stores the next version and makes it active, serialized per tenant by a transaction-scoped advisory lock so two
     * concurrent changes get consecutive versions. Call inside a transaction.
     */
    public Uni<PolicyVersionEntity> append(PolicyVersionEntity draft) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('policy:' || ?1))")
                        .setParameter(1, draft.tenant).getSingleResult()
                        .chain(() -> s.createQuery(
                                "select coalesce(max(v.version), 0) from PolicyVersionEntity v where v.tenant = ?1",
                                Integer.class).setParameter(1, draft.tenant).getSingleResult())
                        .chain(last -> {
                            draft.version = last + 1;
                            return persist(draft);
                        })
                        .chain(stored -> s.find(PolicyEntity.class, stored.tenant).chain(active -> {
                            PolicyEntity row = active != null ? active : new PolicyEntity();
                            row.tenant = stored.tenant;
                            row.activeVersion = stored.version;
                            row.updatedAt = stored.createdAt;
                            return active != null ? Uni.createFrom().item(row) : s.persist(row).replaceWith(row);
                        }).replaceWith(stored)));
    }

    public Uni<List<PolicyVersionEntity>> unaudited(int limit) {
        return find("auditedAt is null", Sort.by("createdAt")).page(0, limit).list();
    }

    public Uni<Integer> markAudited(UUID id, Instant at) {
        return update("auditedAt = ?1 where id = ?2 and auditedAt is null", at, id);
    }
}
