package dev.watchfloor.governance.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.governance.audit.GovernanceAudit;

/**
 * Governance as an OAuth 2.0 / OpenID Connect issuer for self-contained installs: the client-credentials token endpoint
 * (RFC 6749 §4.4, client authentication by form fields or HTTP Basic), discovery and the JWK set.
 */
@Path("/")
public class AuthResource {

    private final IdentityService identities;
    private final TokenIssuer issuer;
    private final SigningKeys keys;
    private final PrincipalResolver principals;
    private final GovernanceAudit audit;

    public AuthResource(IdentityService identities, TokenIssuer issuer, SigningKeys keys,
            PrincipalResolver principals, GovernanceAudit audit) {
        this.identities = identities;
        this.issuer = issuer;
        this.keys = keys;
        this.principals = principals;
        this.audit = audit;
    }

    @POST
    @Path("v1/auth/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 client-credentials grant; answers an access token (RFC 6749 §5.1)")
    public Uni<Response> token(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String basic) {
        String grant = form.getFirst("grant_type");
        if (grant == null) {
            return Uni.createFrom().item(error(400, "invalid_request", "grant_type is required"));
        }
        if (!"client_credentials".equals(grant)) {
            return Uni.createFrom().item(error(400, "unsupported_grant_type", "only client_credentials is supported"));
        }
        String[] client = basicCredentials(basic);
        String clientId = client != null ? client[0] : form.getFirst("client_id");
        String secret = client != null ? client[1] : form.getFirst("client_secret");
        if (clientId == null || secret == null) {
            return Uni.createFrom().item(error(401, "invalid_client", "client_id and client_secret are required"));
        }
        return identities.authenticate(clientId, secret).chain(p -> p == null
                ? Uni.createFrom().item(error(401, "invalid_client", "unknown client or wrong secret"))
                : issuer.issue(p).map(t -> noStore(Response.ok(Map.of("access_token", t.accessToken(),
                        "token_type", t.tokenType(), "expires_in", t.expiresIn())))));
    }

    @GET
    @Path(".well-known/openid-configuration")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery() {
        String base = issuer.issuer();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", base);
        doc.put("token_endpoint", base + "/v1/auth/token");
        doc.put("jwks_uri", base + "/.well-known/jwks.json");
        doc.put("grant_types_supported", List.of("client_credentials"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        doc.put("id_token_signing_alg_values_supported", List.of(SigningKeys.ALGORITHM));
        doc.put("response_types_supported", List.of("token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "tenant", "roles",
                "client_id"));
        return doc;
    }

    @GET
    @Path(".well-known/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> jwks() {
        return keys.jwks();
    }

    @POST
    @Path("v1/auth/keys/rotate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retire the active signing key and start signing with a new one")
    public Uni<Map<String, String>> rotate() {
        Trace trace = Trace.current();
        String by = principals.name();
        return keys.rotate().call(kid -> audit.record(trace, by, "identity.key_rotated",
                new GovernanceAudit.Subject(IdentityService.PLATFORM_TENANT, "", "", ""), Map.of("kid", kid)))
                .map(kid -> Map.of("kid", kid));
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response error(int status, String error, String description) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description));
        if (status == 401) {
            r.header("WWW-Authenticate", "Basic realm=\"watchfloor\"");
        }
        return noStore(r);
    }

    private static Response noStore(Response.ResponseBuilder r) {
        return r.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
