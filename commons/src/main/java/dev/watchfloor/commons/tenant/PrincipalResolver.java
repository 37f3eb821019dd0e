package dev.watchfloor.commons.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves the principal of an incoming request. Until authentication lands (governance issue), every caller is the
 * anonymous principal of the configured default tenant; resources must still ask here and pass the tenant on, so that
 * real identities only change this class.
 */
@ApplicationScoped
public class PrincipalResolver {

    private final String defaultTenant;

    public PrincipalResolver(
            @ConfigProperty(name = "watchfloor.tenant.default", defaultValue = "default") String tenant) {
        this.defaultTenant = tenant;
    }

    public Principal current() {
        return new Principal("anonymous", defaultTenant);
    }
}
