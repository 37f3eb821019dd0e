package dev.watchfloor.governance.identity;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.governance.audit.GovernanceAudit;

@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantResource {

    private final IdentityService identities;
    private final PrincipalResolver principals;
    private final GovernanceAudit audit;

    public TenantResource(IdentityService identities, PrincipalResolver principals, GovernanceAudit audit) {
        this.identities = identities;
        this.principals = principals;
        this.audit = audit;
    }

    public record NewTenant(
            @NotNull(message = "id is required") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lowercase letters, digits or '-', starting with a letter or digit") String id,
            @Size(max = 200) String displayName) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant; answers its first admin client's id and secret (shown once)")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") NewTenant body) {
        Trace trace = Trace.current();
        String by = principals.name();
        return identities.createTenant(by, body.id(), body.displayName())
                .call(created -> audit.record(trace, by, "identity.tenant_created",
                        new GovernanceAudit.Subject(IdentityService.PLATFORM_TENANT, "", "", ""),
                        Map.of("tenant", created.tenant().id(), "adminClientId", created.clientId())))
                .map(created -> Response.status(201).entity(created).build());
    }
}
