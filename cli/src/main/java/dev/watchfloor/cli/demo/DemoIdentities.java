package dev.watchfloor.cli.demo;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.ApiException;
import dev.watchfloor.cli.api.ClientCredentialsTokens;
import dev.watchfloor.cli.api.Endpoint;
import dev.watchfloor.cli.api.GovernanceClient;
import dev.watchfloor.cli.api.TokenSource;
import dev.watchfloor.launcher.MeshCredentials;

/**
 * The demo's tenant and people, made the way an operator makes them: the platform admin creates a tenant, the tenant's
 * admin creates a SIEM client that submits alerts, an analyst who reads investigations and an approver who decides.
 * Distinct principals, so separation of duties holds: the SIEM never approves.
 */
public record DemoIdentities(String tenant, TokenSource siem, TokenSource analyst, TokenSource approver) {

    public static DemoIdentities provision(Endpoint governance, MeshCredentials mesh) {
        GovernanceClient platform = new GovernanceClient(governance,
                new ClientCredentialsTokens(governance, MeshCredentials.ADMIN_CLIENT_ID, mesh.adminSecret()));
        JsonNode created = createTenant(platform);
        GovernanceClient admin = new GovernanceClient(governance, tokens(governance, created));
        allowListTheScanner(admin);
        return new DemoIdentities(created.path("tenant").path("id").asText(),
                tokens(governance, admin.createPrincipal("siem", Set.of("api-client"))),
                tokens(governance, admin.createPrincipal("ana", Set.of("analyst"))),
                tokens(governance, admin.createPrincipal("alice", Set.of("approver"))));
    }

    /**
     * The demo network has a vulnerability scanner (scanner-01, run as svc_scanner); the admin edits the tenant's
     * policy as a user would (get, edit, set) so its allow-list names the scanner. Its sweeps are then benign because
     * the policy says so, not because an event's text says "scheduled scan".
     */
    private static void allowListTheScanner(GovernanceClient admin) {
        String policy = admin.policyYaml();
        if (!policy.contains(EXAMPLE_ALLOW_LIST)) {
            throw new IllegalStateException("the default policy no longer has the example allow-list '"
                    + EXAMPLE_ALLOW_LIST + "'; update the demo");
        }
        admin.setPolicy(policy.replace(EXAMPLE_ALLOW_LIST, DEMO_ALLOW_LIST));
    }

    static final String EXAMPLE_ALLOW_LIST = "entities: [\"ip:192.0.2.250\", \"user:example-scanner\"]";
    static final String DEMO_ALLOW_LIST = "entities: [\"host:scanner-01\", \"user:svc_scanner\"]";

    /** "demo", or "demo-<time>" when an earlier demo on the same database made it. */
    private static JsonNode createTenant(GovernanceClient platform) {
        try {
            return platform.createTenant("demo");
        } catch (ApiException exists) {
            if (exists.problem().status() == null || exists.problem().status() != 409) {
                throw exists;
            }
            return platform.createTenant(
                    "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
    }

    private static TokenSource tokens(Endpoint governance, JsonNode credentials) {
        return new ClientCredentialsTokens(governance, credentials.path("clientId").asText(),
                credentials.path("clientSecret").asText());
    }
}
