package dev.watchfloor.commons.tenant;

import java.util.Set;

/**
 * Who makes a request and the tenant it acts for, as the bearer token says. Every layer receives the tenant as a value
 * from here; it never comes from a request body, a path or a query parameter.
 */
public record Principal(String name, String tenant, Set<String> roles) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
