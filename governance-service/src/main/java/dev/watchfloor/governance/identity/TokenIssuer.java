package dev.watchfloor.governance.identity;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.Roles;

/**
 * Signs access tokens for authenticated clients: {@code iss} = {@code watchfloor.issuer}, {@code aud} =
 * {@code watchfloor}, {@code sub} = the principal's name, {@code tenant}, {@code roles}, {@code client_id}. Mesh
 * service tokens carry no tenant: a service acts for every tenant and names it in each call.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String AUDIENCE = "watchfloor";

    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;

    /** RFC 6749 §5.1. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    public TokenIssuer(SigningKeys keys, IdentityConfig config,
            @ConfigProperty(name = "watchfloor.issuer") String issuer) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = config.tokenTtl();
    }

    public Uni<IssuedToken> issue(PrincipalEntity principal) {
        Set<String> roles = principal.roleSet();
        return keys.active().map(active -> {
            var claims = Jwt.issuer(issuer).subject(principal.name).audience(AUDIENCE)
                    .claim("roles", roles).claim("client_id", principal.clientId)
                    .claim("jti", UUID.randomUUID().toString()).expiresIn(ttl);
            if (!roles.contains(Roles.MESH_SERVICE)) {
                claims.claim("tenant", principal.tenant);
            }
            String token = claims.jws().keyId(active.kid()).algorithm(SignatureAlgorithm.RS256).sign(active.key());
            return new IssuedToken(token, "Bearer", ttl.toSeconds());
        });
    }

    public String issuer() {
        return issuer;
    }
}
