package dev.watchfloor.commons.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Accepts tokens of an external OpenID Connect issuer (Keycloak, Entra ID, Okta) beside governance's own, when
 * {@code WATCHFLOOR_OIDC_ISSUER} is set. A bearer token whose (not yet verified) {@code iss} equals that issuer is
 * validated by an OIDC tenant that discovers the issuer's keys; every other token goes to the default tenant, which
 * trusts governance only. Reading {@code iss} before verification only chooses which keys verify the signature.
 */
@ApplicationScoped
public class ExternalIssuer implements TenantConfigResolver {

    static final String TENANT_ID = "external";

    private final Optional<String> issuer;
    private final OidcTenantConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public ExternalIssuer(@ConfigProperty(name = "watchfloor.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "watchfloor.oidc.audience") Optional<String> audience) {
        this.issuer = issuer.map(String::trim).filter(s -> !s.isEmpty());
        this.config = this.issuer.map(url -> {
            var token = OidcTenantConfig.authServerUrl(url).tenantId(TENANT_ID)
                    .applicationType(io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.SERVICE)
                    .token().issuer(url);
            audience.filter(a -> !a.isBlank()).ifPresent(token::audience);
            return token.end().build();
        }).orElse(null);
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        if (config == null) {
            return Uni.createFrom().nullItem();
        }
        String iss = unverifiedIssuer(context.request().getHeader("Authorization"));
        return Uni.createFrom().item(issuer.get().equals(iss) ? config : null);
    }

    /** The {@code iss} claim of a bearer JWT, read without verifying it; null when there is none. */
    String unverifiedIssuer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode iss = claims.get("iss");
            return iss != null && iss.isTextual() ? iss.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
