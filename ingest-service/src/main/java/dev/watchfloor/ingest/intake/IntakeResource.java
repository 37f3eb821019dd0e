package dev.watchfloor.ingest.intake;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;

@Path("/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.API_CLIENT, Roles.ANALYST, Roles.ADMIN})
public class IntakeResource {

    private final IntakeService intake;
    private final PrincipalResolver principals;

    public IntakeResource(IntakeService intake, PrincipalResolver principals) {
        this.intake = intake;
        this.principals = principals;
    }

    public record IntakeResponse(List<IntakeResult> results) {
    }

    @POST
    @Path("/alerts")
    @Operation(summary = "Submit one alert (JSON object) or several (array); each accepted alert is investigated")
    public Uni<Response> alerts(JsonNode body) {
        return accept(IntakeService.Kind.ALERT, body);
    }

    @POST
    @Path("/events")
    @Operation(summary = "Submit telemetry events (JSON object or array) to the evidence store")
    public Uni<Response> events(JsonNode body) {
        return accept(IntakeService.Kind.EVENT, body);
    }

    private Uni<Response> accept(IntakeService.Kind kind, JsonNode body) {
        String traceparent = Trace.current().traceparent();
        Principal caller = principals.current();
        return intake.accept(new Submission(caller.tenant(), caller.name(), traceparent), kind, body)
                .map(results -> Response.accepted(new IntakeResponse(results)).build());
    }
}
