package dev.watchfloor.reasoning.investigation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.reasoning.review.Accuracy;
import dev.watchfloor.reasoning.review.FeedbackRequest;
import dev.watchfloor.reasoning.review.ReviewService;

@Path("/v1/investigations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class InvestigationResource {

    private final InvestigationService investigations;
    private final ReviewService reviews;
    private final PrincipalResolver principals;

    public InvestigationResource(InvestigationService investigations, ReviewService reviews,
            PrincipalResolver principals) {
        this.investigations = investigations;
        this.reviews = reviews;
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

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Judge a completed investigation's verdict: agree, or give the correct verdict")
    public Uni<ReviewService.Recorded> feedback(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") FeedbackRequest request) {
        return reviews.feedback(Trace.current(), principals.current(), Ids.parse(id, "investigation"), request);
    }

    @POST
    @Path("/{id}/rerun")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Queue a completed or failed investigation again")
    public Uni<java.util.Map<String, String>> rerun(@PathParam("id") String id) {
        return reviews.rerun(Trace.current(), principals.current(), Ids.parse(id, "investigation"));
    }

    @GET
    @Path("/accuracy")
    @Operation(summary = "How verdicts fared with analysts' feedback, per path, with each correction counted")
    public Uni<Accuracy> accuracy() {
        return reviews.accuracy(principals.current());
    }
}
