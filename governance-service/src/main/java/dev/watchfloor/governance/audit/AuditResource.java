package dev.watchfloor.governance.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;

@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditResource {

    private final AuditLedger ledger;
    private final AuditRepository repository;
    private final PrincipalResolver principals;

    public AuditResource(AuditLedger ledger, AuditRepository repository, PrincipalResolver principals) {
        this.ledger = ledger;
        this.repository = repository;
        this.principals = principals;
    }

    public record AuditPage(List<LedgerEntry> items) {
    }

    @GET
    @Operation(summary = "Audit entries of the caller's tenant, optionally about one alert or investigation")
    public Uni<AuditPage> list(@QueryParam("alertId") @DefaultValue("") String alertId,
            @QueryParam("investigationId") @DefaultValue("") String investigationId,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return repository.find(principals.current().tenant(), alertId, investigationId, limit).map(AuditPage::new);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walk the caller's tenant chain; 200 when intact, 409 naming the first bad entry")
    public Uni<ChainReport> verify() {
        return ledger.verify(principals.current().tenant()).map(report -> {
            if (!report.valid()) {
                throw new ProblemException(409, "audit-chain-broken", "Audit chain broken",
                        "Entry seq " + report.firstBadSeq() + " (id " + report.firstBadId() + "): "
                                + report.problem())
                        .with("firstBadSeq", report.firstBadSeq())
                        .with("firstBadId", report.firstBadId())
                        .with("entriesChecked", report.entriesChecked());
            }
            return report;
        });
    }
}
