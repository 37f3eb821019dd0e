package dev.watchfloor.governance.budget;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;

@Path("/v1/costs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.ANALYST})
public class CostResource {

    private final CostLedger ledger;
    private final PrincipalResolver principals;

    public CostResource(CostLedger ledger, PrincipalResolver principals) {
        this.ledger = ledger;
        this.principals = principals;
    }

    public record CostReport(String tenant, List<CostLedger.StepCost> steps) {
    }

    @GET
    @Operation(summary = "Month-to-date token usage and cost of the caller's tenant, per step and route")
    public Uni<CostReport> monthToDate() {
        String tenant = principals.current().tenant();
        return ledger.monthToDate(tenant).map(steps -> new CostReport(tenant, steps));
    }
}
