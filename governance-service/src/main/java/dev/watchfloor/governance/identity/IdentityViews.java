package dev.watchfloor.governance.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What identity endpoints answer; entities never leave governance. */
public final class IdentityViews {

    private IdentityViews() {
    }

    public record TenantView(String id, String displayName, Instant createdAt, String createdBy) {

        static TenantView of(TenantEntity t) {
            return new TenantView(t.id, t.displayName, t.createdAt, t.createdBy);
        }
    }

    public record PrincipalView(UUID id, String tenant, String name, Set<String> roles, String clientId,
            boolean disabled, Instant createdAt, String createdBy) {

        static PrincipalView of(PrincipalEntity p) {
            return new PrincipalView(p.id, p.tenant, p.name, p.roleSet(), p.clientId, p.disabled, p.createdAt,
                    p.createdBy);
        }
    }

    /** Answered once, when credentials are made; the secret cannot be read again. */
    public record Credentials(PrincipalView principal, String clientId, String clientSecret) {
    }

    /** POST /v1/tenants: the tenant and its first admin client. */
    public record TenantCreated(TenantView tenant, String clientId, String clientSecret) {
    }
}
