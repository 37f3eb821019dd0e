package dev.watchfloor.governance.policy;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.governance.policy.document.PolicyParser;

/** The caller's tenant policy: read it, replace it (admins), its versions and their differences. */
@Path("/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR})
public class PolicyResource {

    static final String YAML = "application/yaml";

    private final TenantPolicies policies;
    private final PrincipalResolver principals;

    public PolicyResource(TenantPolicies policies, PrincipalResolver principals) {
        this.policies = policies;
        this.principals = principals;
    }

    /** A policy version as shown: the document text exactly as its author wrote it. */
    public record PolicyView(int version, String name, String author, Instant createdAt, String sha256,
            String document) {

        static PolicyView of(ActivePolicy p) {
            return new PolicyView(p.version(), p.name(), p.author(), p.createdAt(), p.sha256(), p.yaml());
        }
    }

    @GET
    @Operation(summary = "The active policy (version 0 is the default policy shipped with Watchfloor)")
    public Uni<PolicyView> active() {
        return policies.active(principals.current().tenant()).map(PolicyView::of);
    }

    @GET
    @Produces(YAML)
    @Operation(summary = "The active policy document as YAML (Accept: application/yaml)")
    public Uni<String> activeYaml() {
        return policies.active(principals.current().tenant()).map(ActivePolicy::yaml);
    }

    @PUT
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the active policy with this YAML document; 400 policy-invalid (every violation with "
            + "line, column, path and rule) leaves the active policy unchanged")
    public Uni<PolicyView> replace(String yaml) {
        var principal = principals.current();
        return policies.replace(Trace.current(), principal.tenant(), principal.name(), yaml == null ? "" : yaml)
                .map(PolicyView::of);
    }

    @GET
    @Path("/schema")
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema (draft 2020-12) policy documents are validated against")
    public String schema() {
        return PolicyParser.schemaJson();
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every version, newest first, with author, time and a unified diff against the one before")
    public Uni<List<TenantPolicies.VersionView>> history() {
        return policies.history(principals.current().tenant());
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One version of the policy")
    public Uni<PolicyView> version(@PathParam("version") int version) {
        return policies.version(principals.current().tenant(), requireVersion(version)).map(PolicyView::of);
    }

    @GET
    @Path("/diff")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Unified diff between two versions (?from=1&to=2); empty when they are equal")
    public Uni<String> diff(@QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("invalid-query", "from and to (version numbers) are required");
        }
        return policies.diff(principals.current().tenant(), requireVersion(from), requireVersion(to));
    }

    private static int requireVersion(int version) {
        if (version < 0) {
            throw ProblemException.badRequest("invalid-query", "a version is a number >= 0");
        }
        return version;
    }
}
