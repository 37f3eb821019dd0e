package dev.watchfloor.commons.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Tokens of the mesh's own issuer that were already validated, until each expires. Every internal call carries the
 * calling service's token, the same one for up to its lifetime; validating its signature and claims again on every call
 * cost 16-18 % of a busy service's CPU. A token seen here before, byte for byte, and not yet expired, is answered with
 * the identity it was validated into (principal and credentials; {@link TokenIdentity} derives tenant, name and roles
 * again, as for a fresh one). Anything else, including any token differing in one character, goes to the OIDC
 * validation as before. This accepts nothing validation would refuse: tokens of the own issuer are never revoked before
 * they expire (a signing key stays published until the tokens it signed have expired), and an entry ends at the token's
 * {@code exp}. External issuers' tokens are always validated. At most {@link #MAX_ENTRIES} are kept.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    private record Verified(JsonWebToken principal, Set<Credential> credentials, long expiresAtSecond) {
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the OIDC provider (whose priority is the default); a miss answers null, which hands over to it. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext ctx) {
        String token = request.getToken().getToken();
        Verified verified = token == null ? null : byToken.get(token);
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        if (Instant.now().getEpochSecond() >= verified.expiresAtSecond()) {
            byToken.remove(token, verified);
            return Uni.createFrom().nullItem();
        }
        hits.incrementAndGet();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(verified.principal())
                .addCredentials(verified.credentials()).build());
    }

    /**
     * Keeps a token of the own issuer that validation (or this cache) just turned into {@code identity}; only the
     * principal and credentials are kept, never request-bound attributes.
     */
    void remember(SecurityIdentity identity, JsonWebToken jwt) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        long expiresAt = jwt.getExpirationTime();
        long now = Instant.now().getEpochSecond();
        if (credential == null || credential.getToken() == null || expiresAt <= now) {
            return;
        }
        if (byToken.size() >= MAX_ENTRIES) {
            byToken.values().removeIf(v -> v.expiresAtSecond() <= now);
            if (byToken.size() >= MAX_ENTRIES) {
                byToken.clear();
            }
        }
        byToken.putIfAbsent(credential.getToken(), new Verified(jwt, Set.copyOf(identity.getCredentials()),
                expiresAt));
    }

    /** How many calls were answered from here; for tests and metrics. */
    public long hits() {
        return hits.get();
    }
}
