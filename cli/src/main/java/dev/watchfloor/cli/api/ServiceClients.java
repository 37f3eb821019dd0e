package dev.watchfloor.cli.api;

/** The three public APIs the CLI uses. */
public record ServiceClients(IngestClient ingest, ReasoningClient reasoning, GovernanceClient governance) {

    public static ServiceClients of(ServiceUrls urls) {
        return new ServiceClients(new IngestClient(urls.ingest()), new ReasoningClient(urls.reasoning()),
                new GovernanceClient(urls.governance()));
    }
}
