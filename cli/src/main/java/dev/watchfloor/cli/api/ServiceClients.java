package dev.watchfloor.cli.api;

/** The three public APIs the CLI uses. */
public record ServiceClients(IngestClient ingest, ReasoningClient reasoning, GovernanceClient governance) {

    /** Every API called with the same token. */
    public static ServiceClients of(ServiceUrls urls, TokenSource tokens) {
        return new ServiceClients(new IngestClient(urls.ingest(), tokens),
                new ReasoningClient(urls.reasoning(), tokens),
                new GovernanceClient(urls.governance(), tokens));
    }
}
