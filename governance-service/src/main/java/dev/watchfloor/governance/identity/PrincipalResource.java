package dev.watchfloor.governance.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.Ids;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.governance.audit.GovernanceAudit;
import dev.watchfloor.governance.identity.IdentityViews.Credentials;
import dev.watchfloor.governance.identity.IdentityViews.PrincipalView;

/** A tenant admin manages the tenant's principals and their client credentials. */
@Path("/v1/principals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PrincipalResource {

    private final IdentityService identities;
    private final PrincipalResolver principals;
    private final GovernanceAudit audit;

    public PrincipalResource(IdentityService identities, PrincipalResolver principals, GovernanceAudit audit) {
        this.identities = identities;
        this.principals = principals;
        this.audit = audit;
    }

    public record NewPrincipal(
            @NotNull(message = "name is required") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,127}", message = "must be 1-128 letters, digits, '.', '_', '@' or '-'") String name,
            @NotEmpty(message = "roles must name at least one role") Set<String> roles,
            Boolean client) {
    }

    public record PrincipalList(List<PrincipalView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a principal; with client credentials (the default) the secret is shown once")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") NewPrincipal body) {
        Principal by = principals.current();
        Trace trace = Trace.current();
        return identities.createPrincipal(by.tenant(), by.name(), body.name(), body.roles(),
                body.client() == null || body.client())
                .call(c -> record(trace, by, "identity.principal_created", c.principal()))
                .map(c -> Response.status(201).entity(c).build());
    }

    @GET
    public Uni<PrincipalList> list() {
        return identities.list(principals.current().tenant()).map(PrincipalList::new);
    }

    @GET
    @Path("/{id}")
    public Uni<PrincipalView> get(@PathParam("id") String id) {
        return identities.get(principals.current().tenant(), Ids.parse(id, "principal"));
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Issue a new client secret; the old one stops working at once")
    public Uni<Credentials> rotateSecret(@PathParam("id") String id) {
        Principal by = principals.current();
        Trace trace = Trace.current();
        return identities.rotateSecret(by.tenant(), Ids.parse(id, "principal"))
                .call(c -> record(trace, by, "identity.secret_rotated", c.principal()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Disable a principal: no new tokens")
    public Uni<PrincipalView> disable(@PathParam("id") String id) {
        Principal by = principals.current();
        Trace trace = Trace.current();
        return identities.disable(by.tenant(), Ids.parse(id, "principal"))
                .call(p -> record(trace, by, "identity.principal_disabled", p));
    }

    private Uni<?> record(Trace trace, Principal by, String type, PrincipalView p) {
        return audit.record(trace, by.name(), type, new GovernanceAudit.Subject(by.tenant(), "", "", ""),
                Map.of("principalId", p.id().toString(), "name", p.name(), "roles", p.roles()));
    }
}
