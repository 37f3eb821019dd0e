package dev.watchfloor.ingest.intake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.Ids;
import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.store.RecordRepository;
import dev.watchfloor.ingest.store.StoredRecords;

/**
 * Inspection: what a body would become without storing it ({@code POST /v1/normalize}), stored records with their
 * envelopes, and the quarantine (list, fetch with the raw text, replay).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.API_CLIENT, Roles.ANALYST, Roles.ADMIN})
public class RecordsResource {

    private final IntakeService intake;
    private final StoredRecords stored;
    private final PrincipalResolver principals;
    private final BodyDecoder bodies;

    public RecordsResource(IntakeService intake, StoredRecords stored, PrincipalResolver principals,
            IngestConfig config) {
        this.intake = intake;
        this.stored = stored;
        this.principals = principals;
        this.bodies = new BodyDecoder(config.maxDecompressedBytes());
    }

    @POST
    @Path("/normalize")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Answer exactly what a body would be stored as (OCSF events with envelopes, per-record "
            + "status) without storing anything")
    public Uni<Map<String, Object>> normalize(byte[] body, @QueryParam("source") String source,
            @QueryParam("kind") @DefaultValue("event") String kind,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding) {
        return Uni.createFrom().item(() -> preview(body, source, kind, contentType, encoding));
    }

    private Map<String, Object> preview(byte[] body, String source, String kind, String contentType,
            String encoding) {
        IntakeService.Kind k = switch (kind) {
            case "alert" -> IntakeService.Kind.ALERT;
            case "event" -> IntakeService.Kind.EVENT;
            default -> throw ProblemException.badRequest("bad-kind", "kind must be alert or event, got '" + kind
                    + "'");
        };
        byte[] decoded = bodies.decode(body, contentType, encoding);
        IntakeService.Batch batch = intake.read(k, decoded, source == null || source.isBlank()
                ? null
                : source.strip(), BodyDecoder.hint(contentType));
        Map<String, RecordRepository.Stored> byId = new LinkedHashMap<>();
        batch.stored().forEach(s -> byId.put(s.id().toString(), s));
        List<Map<String, Object>> results = new ArrayList<>();
        for (IntakeResult result : batch.results()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("index", result.index());
            out.put("status", result.status());
            RecordRepository.Stored s = byId.get(result.id());
            if (s == null) {
                out.put("reason", result.reason());
                out.put("offset", result.offset());
            } else {
                NormalizedRecord r = s.record();
                out.put("source", r.source());
                out.put("format", r.format());
                out.put("title", r.title());
                out.put("severity_id", r.severityId());
                out.put("entities", r.entities());
                out.put("time_text", r.time().original());
                out.put("time_flags", r.time().flagNames());
                out.put("warnings", r.warnings());
                if (r.fingerprint() != null) { // alerts: what near duplicates share
                    out.put("fingerprint", r.fingerprint());
                }
                out.put("event", r.body());
            }
            results.add(out);
        }
        return Map.of("results", results);
    }

    @GET
    @Path("/alerts/{id}")
    @Operation(summary = "A stored alert: the OCSF event, the raw record, and how it was read")
    public Uni<Map<String, Object>> alert(@PathParam("id") String id) {
        return stored.record(tenant(), IntakeService.Kind.ALERT, Ids.parse(id, "alert"));
    }

    @GET
    @Path("/events/{id}")
    @Operation(summary = "A stored event: the OCSF event, the raw record, and how it was read")
    public Uni<Map<String, Object>> event(@PathParam("id") String id) {
        return stored.record(tenant(), IntakeService.Kind.EVENT, Ids.parse(id, "event"));
    }

    public record QuarantineList(List<StoredRecords.Entry> entries) {
    }

    @GET
    @Path("/quarantine")
    @Operation(summary = "Quarantined records of the tenant, newest first (without their raw text)")
    public Uni<QuarantineList> quarantine(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("before") String before) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("bad-limit", "limit must be 1-1000, got " + limit);
        }
        OffsetDateTime until;
        try {
            until = before == null || before.isBlank() ? null : OffsetDateTime.parse(before);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-before", "before must be an RFC 3339 time, got '" + before
                    + "'");
        }
        return stored.quarantine(tenant(), limit, until).map(QuarantineList::new);
    }

    @GET
    @Path("/quarantine/{id}")
    @Operation(summary = "One quarantined record with its raw text and the reason")
    public Uni<StoredRecords.Entry> quarantined(@PathParam("id") String id) {
        return stored.quarantined(tenant(), Ids.parse(id, "quarantined record"));
    }

    @POST
    @Path("/quarantine/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Read a quarantined record again (after a parser fix, or naming ?source=); stored when it "
            + "now reads, 422 when it still does not")
    public Uni<IntakeResource.IntakeResponse> replay(@PathParam("id") String id,
            @QueryParam("source") String source) {
        Principal caller = principals.current();
        Submission submission = new Submission(caller.tenant(), caller.name(), Trace.current().traceparent());
        return stored.quarantined(caller.tenant(), Ids.parse(id, "quarantined record"))
                .chain(entry -> intake.replay(submission, entry, source == null || source.isBlank()
                        ? null
                        : source.strip()))
                .map(IntakeResource.IntakeResponse::new);
    }

    private String tenant() {
        return principals.current().tenant();
    }
}
