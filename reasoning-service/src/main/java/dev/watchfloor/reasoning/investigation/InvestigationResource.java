package dev.watchfloor.reasoning.investigation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.Ids;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;

@Path("/v1/investigations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class InvestigationResource {

    private final InvestigationService investigations;
    private final PrincipalResolver principals;

    public InvestigationResource(InvestigationService investigations, PrincipalResolver principals) {
        this.investigations = investigations;
        this.principals = principals;
    }

    public record InvestigationList(List<InvestigationSummary> items) {
    }

    @GET
    @Operation(summary = "Investigations of the caller's tenant, newest first; filter by alert or status")
    public Uni<InvestigationList> list(@QueryParam("alertId") @DefaultValue("") String alertId,
            @QueryParam("status") @DefaultValue("") @Pattern(regexp = "|queued|running|completed|failed", message = "must be one of queued, running, completed, failed") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return investigations.list(principals.current().tenant(), alertId, status, limit)
                .map(InvestigationList::new);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One investigation: verdict, evidence, findings, step latencies and action states")
    public Uni<InvestigationView> get(@PathParam("id") String id) {
        return investigations.get(Trace.current(), principals.current().tenant(), Ids.parse(id, "investigation"));
    }
}
