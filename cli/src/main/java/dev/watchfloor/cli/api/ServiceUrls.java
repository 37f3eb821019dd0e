package dev.watchfloor.cli.api;

import java.util.Map;

/** The public endpoints the CLI talks to: the local mesh's ports unless overridden through the environment. */
public record ServiceUrls(Endpoint ingest, Endpoint reasoning, Endpoint governance) {

    public static final String INGEST_ENV = "WATCHFLOOR_INGEST_URL";
    public static final String REASONING_ENV = "WATCHFLOOR_REASONING_URL";
    public static final String GOVERNANCE_ENV = "WATCHFLOOR_GOVERNANCE_URL";

    public static ServiceUrls fromEnvironment(Map<String, String> env) {
        return new ServiceUrls(
                Endpoint.fromEnvironment("ingest-service", INGEST_ENV, "http://127.0.0.1:8081", env),
                Endpoint.fromEnvironment("reasoning-service", REASONING_ENV, "http://127.0.0.1:8083", env),
                Endpoint.fromEnvironment("governance-service", GOVERNANCE_ENV, "http://127.0.0.1:8085", env));
    }
}
