package dev.watchfloor.context.assemble;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.EvidenceItem;

/** Debug view: what Assemble would return for an alert, without recording an assembly. */
@Path("/v1/context")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ContextResource {

    private final AssemblyService assembly;
    private final PrincipalResolver principals;

    public ContextResource(AssemblyService assembly, PrincipalResolver principals) {
        this.assembly = assembly;
        this.principals = principals;
    }

    public record Item(String id, String kind, List<String> sourceIds, double relevance, String reason,
            List<String> entities, String summary, String observedAt) {

        static Item of(EvidenceItem i) {
            return new Item(i.getId(), i.getKind().name().replace("EVIDENCE_KIND_", "").toLowerCase(),
                    i.getSourceIdsList(), i.getRelevance(), i.getReason(), i.getEntitiesList(), i.getSummary(),
                    i.getObservedAt());
        }
    }

    public record ContextView(String alertId, int tokenBudget, int tokensUsed, int itemsDropped, List<Item> items) {
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "The evidence Assemble selects for an alert under a token budget")
    public Uni<ContextView> view(@PathParam("alertId") String alertId,
            @QueryParam("tokenBudget") @DefaultValue("0") @Min(0) @Max(1_000_000) int tokenBudget) {
        return assembly.assemble(Trace.current(), principals.current().tenant(), alertId, "", 0, tokenBudget)
                .map(r -> new ContextView(alertId, tokenBudget, r.getTokensUsed(), r.getItemsDropped(),
                        r.getItemsList().stream().map(Item::of).toList()));
    }
}
