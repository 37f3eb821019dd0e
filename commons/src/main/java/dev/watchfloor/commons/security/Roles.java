package dev.watchfloor.commons.security;

import java.util.Set;

/**
 * The closed set of roles a Watchfloor token can carry. Tenant roles are granted to a tenant's principals; the two
 * platform roles are only ever in tokens that governance itself issues (external issuers cannot grant them, see
 * {@link ClaimRoles}).
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String APPROVER = "approver";
    public static final String AUDITOR = "auditor";
    public static final String API_CLIENT = "api-client";
    /** Creates tenants; belongs to no tenant's data. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** One of the five services of the mesh, calling another over gRPC. */
    public static final String MESH_SERVICE = "mesh-service";

    public static final Set<String> TENANT_ROLES = Set.of(ADMIN, ANALYST, APPROVER, AUDITOR, API_CLIENT);
    public static final Set<String> PLATFORM_ROLES = Set.of(PLATFORM_ADMIN, MESH_SERVICE);

    private Roles() {
    }
}
