package dev.watchfloor.commons.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The one place that reads a validated bearer token into a Watchfloor identity: who (name), which tenant, which roles.
 * Tokens of governance (the mesh's own issuer) carry {@code tenant} and {@code roles}; tokens of an external issuer
 * (Keycloak, Entra ID, Okta) carry them in the claims {@code watchfloor.oidc.tenant-claim} and
 * {@code watchfloor.oidc.roles-claim} (a dotted path such as {@code realm_access.roles}). Roles outside
 * {@link Roles#TENANT_ROLES} are dropped from external tokens, so no outside issuer can mint a mesh service or a
 * platform admin; the roles Quarkus derived on its own are replaced, not merged.
 */
@ApplicationScoped
public class TokenIdentity implements SecurityIdentityAugmentor {

    public static final String TENANT_ATTRIBUTE = "watchfloor.tenant";
    public static final String NAME_ATTRIBUTE = "watchfloor.name";

    private final String ownIssuer;
    private final String tenantClaim;
    private final List<String> rolesPath;
    private final VerifiedTokens verified;

    public TokenIdentity(VerifiedTokens verified, @ConfigProperty(name = "watchfloor.issuer") String ownIssuer,
            @ConfigProperty(name = "watchfloor.oidc.tenant-claim", defaultValue = "tenant") String tenantClaim,
            @ConfigProperty(name = "watchfloor.oidc.roles-claim", defaultValue = "roles") String rolesClaim) {
        this.ownIssuer = ownIssuer;
        this.tenantClaim = tenantClaim;
        this.rolesPath = List.of(rolesClaim.split("[./]"));
        this.verified = verified;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        boolean own = ownIssuer.equals(jwt.getIssuer());
        if (own) {
            verified.remember(identity, jwt);
        }
        Set<String> roles = roles(jwt, own ? List.of("roles") : rolesPath);
        if (!own) {
            roles.retainAll(Roles.TENANT_ROLES);
        }
        String tenant = stringClaim(jwt, own ? "tenant" : tenantClaim).orElse("");
        String name = own
                ? jwt.getSubject()
                : stringClaim(jwt, "preferred_username").orElse(jwt.getSubject());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(TENANT_ATTRIBUTE, tenant)
                .addAttribute(NAME_ATTRIBUTE, name == null ? "" : name)
                .addRoles(roles);
        return Uni.createFrom().item(builder.build());
    }

    /** The caller's name as this augmentor resolved it; the principal's name for identities it did not see. */
    public static String nameOf(SecurityIdentity identity) {
        String name = identity.getAttribute(NAME_ATTRIBUTE);
        return name == null ? identity.getPrincipal().getName() : name;
    }

    private static Optional<String> stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The string members of the array (or the single string) at the path; empty when the path is absent. */
    static Set<String> roles(JsonWebToken jwt, List<String> path) {
        Object value = jwt.getClaim(path.get(0));
        for (String segment : path.subList(1, path.size())) {
            value = value instanceof JsonObject o ? o.get(segment) : null;
        }
        Set<String> roles = new HashSet<>();
        for (Object item : items(value)) {
            if (item instanceof JsonString s) {
                roles.add(s.getString());
            } else if (item instanceof String s) {
                roles.add(s);
            }
        }
        return roles;
    }

    private static List<?> items(Object value) {
        if (value instanceof JsonArray array) {
            return new ArrayList<JsonValue>(array);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = new ArrayList<>();
            iterable.forEach(list::add);
            return list;
        }
        return value == null ? List.of() : List.of(value);
    }
}
