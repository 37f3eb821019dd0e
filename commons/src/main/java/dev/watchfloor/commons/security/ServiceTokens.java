package dev.watchfloor.commons.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * This service's own access token, obtained from governance with the OAuth 2.0 client-credentials grant
 * ({@code quarkus.oidc-client.*}: client id = the service name, secret = {@code WATCHFLOOR_SERVICE_SECRET}). One token
 * is shared by all calls and fetched again a minute before it expires; concurrent callers share one fetch, and a failed
 * fetch is not cached.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);

    private final OidcClient client;
    private Tokens tokens;
    private Uni<Tokens> pending;

    public ServiceTokens(OidcClient client) {
        this.client = client;
    }

    public Uni<String> accessToken() {
        return tokens().map(Tokens::getAccessToken);
    }

    private synchronized Uni<Tokens> tokens() {
        if (pending == null || (tokens != null && stale(tokens))) {
            tokens = null;
            pending = client.getTokens()
                    .invoke(this::fetched)
                    .onFailure().invoke(this::failed)
                    .memoize().indefinitely();
        }
        return pending;
    }

    private synchronized void fetched(Tokens fresh) {
        tokens = fresh;
    }

    private synchronized void failed(Throwable ignored) {
        pending = null;
        tokens = null;
    }

    private static boolean stale(Tokens t) {
        Long expiresAt = t.getAccessTokenExpiresAt();
        return expiresAt == null || Instant.ofEpochSecond(expiresAt).minus(REFRESH_BEFORE).isBefore(Instant.now());
    }
}
