package dev.watchfloor.ingest.intake;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.ingest.IngestConfig;

@Path("/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.API_CLIENT, Roles.ANALYST, Roles.ADMIN})
public class IntakeResource {

    private final IntakeService intake;
    private final PrincipalResolver principals;
    private final BodyDecoder bodies;
    private final Admission admission;

    public IntakeResource(IntakeService intake, PrincipalResolver principals, IngestConfig config,
            Admission admission) {
        this.admission = admission;
        this.intake = intake;
        this.principals = principals;
        this.bodies = new BodyDecoder(config.maxDecompressedBytes());
    }

    public record IntakeResponse(List<IntakeResult> results) {
    }

    @POST
    @Path("/alerts")
    @Operation(summary = "Submit alerts (JSON, NDJSON, syslog, CEF, LEEF, key=value, Windows XML; gzip allowed); "
            + "each accepted alert is investigated")
    public Uni<Response> alerts(byte[] body, @QueryParam("source") String source,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return accept(IntakeService.Kind.ALERT, body, source, contentType, encoding, idempotencyKey);
    }

    @POST
    @Path("/events")
    @Operation(summary = "Submit telemetry events (same formats) to the evidence store")
    public Uni<Response> events(byte[] body, @QueryParam("source") String source,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return accept(IntakeService.Kind.EVENT, body, source, contentType, encoding, idempotencyKey);
    }

    private Uni<Response> accept(IntakeService.Kind kind, byte[] body, String source, String contentType,
            String encoding, String idempotencyKey) {
        String traceparent = Trace.current().traceparent();
        Principal caller = principals.current();
        return admission.admit(() -> intake.accept(new Submission(caller.tenant(), caller.name(), traceparent),
                kind, bodies.decode(body, contentType, encoding), blankToNull(source), BodyDecoder.hint(contentType),
                blankToNull(idempotencyKey)))
                .map(results -> Response.accepted(new IntakeResponse(results)).build());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
