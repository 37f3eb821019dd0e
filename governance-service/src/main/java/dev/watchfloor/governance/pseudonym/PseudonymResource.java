package dev.watchfloor.governance.pseudonym;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.governance.audit.GovernanceAudit;

/** Reveals what a pseudonym of the caller's tenant stands for, to an analyst or admin; every reveal is audited. */
@Path("/v1/pseudonyms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class PseudonymResource {

    private final PseudonymVault vault;
    private final PrincipalResolver principals;
    private final GovernanceAudit audit;

    public PseudonymResource(PseudonymVault vault, PrincipalResolver principals, GovernanceAudit audit) {
        this.vault = vault;
        this.principals = principals;
        this.audit = audit;
    }

    public record Revealed(String pseudonym, String value) {
    }

    @GET
    @Path("/{pseudonym}")
    @Operation(summary = "The value behind a pseudonym (pn_<kind>_<hex>) of the caller's tenant; audited")
    public Uni<Revealed> reveal(@PathParam("pseudonym") String pseudonym) {
        Principal by = principals.current();
        Trace trace = Trace.current();
        return vault.resolve(by.tenant(), pseudonym).chain(value -> {
            if (value.isEmpty()) {
                throw ProblemException.notFound("pseudonym", pseudonym);
            }
            return audit.record(trace, by.name(), "pseudonym.revealed",
                    new GovernanceAudit.Subject(by.tenant(), "", "", ""), Map.of("pseudonym", pseudonym))
                    .replaceWith(new Revealed(pseudonym, value.get()));
        });
    }
}
