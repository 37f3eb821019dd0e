package dev.watchfloor.governance.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {
}
