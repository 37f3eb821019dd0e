package dev.watchfloor.commons.tenant;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.security.TokenIdentity;

/**
 * Resolves the principal of an incoming REST request from its validated bearer token (see {@link TokenIdentity}).
 * Resources ask here and pass the tenant on as a value; a token without a tenant cannot reach tenant data.
 */
@ApplicationScoped
public class PrincipalResolver {

    private final SecurityIdentity identity;

    public PrincipalResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; 401 when anonymous, 403 {@code no-tenant} when the token names no tenant. */
    public Principal current() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String tenant = identity.getAttribute(TokenIdentity.TENANT_ATTRIBUTE);
        if (tenant == null || tenant.isBlank()) {
            throw new ProblemException(403, "no-tenant", "No tenant",
                    "The token names no tenant; ask for a token of a tenant's principal");
        }
        return new Principal(name(), tenant, roles());
    }

    /** The caller's name, for endpoints that are not about one tenant's data (tenant creation). */
    public String name() {
        return TokenIdentity.nameOf(identity);
    }

    private Set<String> roles() {
        Set<String> roles = new HashSet<>(identity.getRoles());
        roles.retainAll(Roles.TENANT_ROLES);
        return roles;
    }
}
