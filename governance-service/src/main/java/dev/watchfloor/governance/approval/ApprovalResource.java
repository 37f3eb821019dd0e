package dev.watchfloor.governance.approval;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.governance.policy.StandingDenials;

@Path("/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.APPROVER, Roles.ANALYST, Roles.AUDITOR})
public class ApprovalResource {

    private final ApprovalService approvals;
    private final PrincipalResolver principals;
    private final StandingDenials denials;

    public ApprovalResource(ApprovalService approvals, PrincipalResolver principals, StandingDenials denials) {
        this.approvals = approvals;
        this.principals = principals;
        this.denials = denials;
    }

    public record ApprovalList(List<Approval> items) {
    }

    public record DecisionRequest(
            @NotNull(message = "decision is required") @Pattern(regexp = "approve|deny", message = "must be 'approve' or 'deny'") String decision,
            @Size(max = 2000) String reason) {
    }

    @GET
    @Operation(summary = "Approval requests of the caller's tenant, newest first")
    public Uni<ApprovalList> list(
            @QueryParam("state") @DefaultValue("all") @Pattern(regexp = "all|pending|approved|denied|expired", message = "must be one of all, pending, approved, denied, expired") String state,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        ApprovalState filter = "all".equals(state) ? null : ApprovalState.fromWire(state);
        return approvals.list(principals.current().tenant(), filter, limit).map(ApprovalList::new);
    }

    @GET
    @Path("/{id}")
    public Uni<Approval> get(@PathParam("id") String id) {
        return approvals.get(principals.current().tenant(), Ids.parse(id, "approval"));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or deny a pending request; the approval is bound to the action's parameter hash. "
            + "409 policy-denies when the current policy denies the action, whatever the approver says")
    public Uni<Approval> decide(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") DecisionRequest body) {
        Principal by = principals.current();
        UUID approvalId = Ids.parse(id, "approval");
        boolean approve = "approve".equals(body.decision());
        if (!approve) {
            return approvals.decide(by, approvalId, false, body.reason());
        }
        return approvals.get(by.tenant(), approvalId)
                .call(a -> denials.of(by.tenant(), a.actionType(), a.target()).invoke(denial -> denial.ifPresent(d -> {
                    throw new ProblemException(409, "policy-denies", "The policy denies this action",
                            "Approving cannot run it: " + d);
                })))
                .chain(() -> approvals.decide(by, approvalId, true, body.reason()));
    }
}
