package dev.watchfloor.ingest.hec;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
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
import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;

/** Admin: HEC tokens of the caller's tenant. */
@Path("/v1/hec-tokens")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class HecTokenResource {

    private final HecTokens tokens;
    private final PrincipalResolver principals;

    public HecTokenResource(HecTokens tokens, PrincipalResolver principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    /** {@code client}: the name recorded as the submitter; {@code kind}: event (default) or alert. */
    public record NewToken(String client, String kind) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a HEC token for a client; the token is in this answer only")
    public Uni<Response> create(NewToken request) {
        if (request == null || request.client() == null || !request.client().matches("[A-Za-z0-9._-]{1,64}")) {
            throw ProblemException.badRequest("bad-client", "client must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String kind = request.kind() == null ? "event" : request.kind();
        if (!kind.equals("event") && !kind.equals("alert")) {
            throw ProblemException.badRequest("bad-kind", "kind must be event or alert, got '" + kind + "'");
        }
        Principal caller = principals.current();
        return tokens.create(caller.tenant(), request.client(), kind, caller.name())
                .map(created -> Response.status(201).entity(Map.of("id", created[0], "token", created[1],
                        "client", request.client(), "kind", kind)).build());
    }

    public record TokenList(List<HecTokens.Listed> tokens) {
    }

    @GET
    @Operation(summary = "The tenant's HEC tokens (never the tokens themselves)")
    public Uni<TokenList> list() {
        return tokens.list(principals.current().tenant()).map(TokenList::new);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Disable a HEC token; requests with it get HEC code 1")
    public Uni<Response> disable(@PathParam("id") String id) {
        return tokens.disable(principals.current().tenant(), Ids.parse(id, "HEC token"))
                .map(found -> {
                    if (!found) {
                        throw ProblemException.notFound("HEC token", id);
                    }
                    return Response.noContent().build();
                });
    }
}
