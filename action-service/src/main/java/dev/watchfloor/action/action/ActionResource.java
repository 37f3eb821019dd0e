package dev.watchfloor.action.action;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.Ids;
import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;

@Path("/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class ActionResource {

    private final ActionRepository repository;
    private final PrincipalResolver principals;

    public ActionResource(ActionRepository repository, PrincipalResolver principals) {
        this.repository = repository;
        this.principals = principals;
    }

    public record ActionList(List<ActionView> items) {
    }

    @GET
    @Operation(summary = "Actions of one investigation of the caller's tenant, in the order they were proposed")
    public Uni<ActionList> list(
            @QueryParam("investigationId") @NotBlank(message = "investigationId is required") String investigationId) {
        return repository.list(principals.current().tenant(), investigationId)
                .map(actions -> new ActionList(actions.stream().map(ActionView::of).toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One action with its state, approval and execution detail")
    public Uni<ActionView> get(@PathParam("id") String id) {
        return repository.find(principals.current().tenant(), Ids.parse(id, "action")).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("action", id);
            }
            return ActionView.of(a);
        });
    }
}
