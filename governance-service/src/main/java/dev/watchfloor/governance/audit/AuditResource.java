package dev.watchfloor.governance.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.ledger.AuditRecord;
import dev.watchfloor.ledger.VerificationReport;

@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditResource {

    private final AuditLedger ledger;
    private final AuditRepository repository;
    private final AuditExporter exporter;
    private final CheckpointKeys keys;
    private final PrincipalResolver principals;

    public AuditResource(AuditLedger ledger, AuditRepository repository, AuditExporter exporter, CheckpointKeys keys,
            PrincipalResolver principals) {
        this.ledger = ledger;
        this.repository = repository;
        this.exporter = exporter;
        this.keys = keys;
        this.principals = principals;
    }

    public record AuditPage(List<AuditRecord> items) {
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
    @Operation(summary = "Walk the caller's tenant chain (or fromSeq..toSeq) against its signed checkpoints; 200 when "
            + "intact, 409 naming the first bad entry")
    public Uni<VerificationReport> verify(@QueryParam("fromSeq") @DefaultValue("1") @Min(1) long fromSeq,
            @QueryParam("toSeq") @DefaultValue("9223372036854775807") @Min(1) long toSeq) {
        if (toSeq < fromSeq) {
            throw ProblemException.badRequest("invalid-range", "toSeq must not be less than fromSeq");
        }
        return ledger.verify(principals.current().tenant(), fromSeq, toSeq).map(report -> {
            if (!report.valid()) {
                throw new ProblemException(409, "audit-chain-broken", "Audit chain broken",
                        (report.firstBadSeq() == null ? "" : "Entry seq " + report.firstBadSeq() + ": ")
                                + report.problem())
                        .with("firstBadSeq", report.firstBadSeq())
                        .with("firstBadId", report.firstBadId())
                        .with("entriesChecked", report.entriesChecked())
                        .with("checkpointsChecked", report.checkpointsChecked());
            }
            return report;
        });
    }

    @GET
    @Path("/export")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The caller's tenant chain as JSON Lines (sent as text/plain, streamed): a header, every entry in seq order, each signed "
            + "checkpoint after the entry it covers; verify it offline with `watchfloor audit verify FILE`")
    public Multi<Buffer> export() {
        return exporter.export(principals.current().tenant());
    }

    @POST
    @Path("/keys/rotate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Retire the checkpoint signing key and sign with a new one; every key stays trusted")
    public Uni<java.util.Map<String, String>> rotateKeys() {
        return keys.rotate().map(kid -> java.util.Map.of("kid", kid));
    }

    @GET
    @Path("/keys")
    @Operation(summary = "The public keys (JWK set, Ed25519) that checkpoints are signed with, for offline verification")
    public Uni<JsonNode> keys() {
        return keys.publicKeys().map(k -> k.toJwkSet());
    }
}
