package dev.watchfloor.governance.identity;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKeyEntity, String> {

    public Uni<SigningKeyEntity> active() {
        return find("retiredAt is null").firstResult();
    }

    /** The active key and those retired after {@code since}: what verifiers still need. */
    public Uni<List<SigningKeyEntity>> published(Instant since) {
        return list("retiredAt is null or retiredAt > ?1", Sort.by("createdAt").descending(), since);
    }
}
