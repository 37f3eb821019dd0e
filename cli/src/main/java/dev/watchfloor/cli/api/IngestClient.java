package dev.watchfloor.cli.api;

import java.util.List;

/** ingest-service's public intake. */
public final class IngestClient {

    private final JsonHttp http;

    public IngestClient(Endpoint endpoint, TokenSource tokens) {
        this.http = new JsonHttp(endpoint, tokens);
    }

    /** {@code json} is one alert object or an array of them, sent as it is. */
    public List<IngestResult> submitAlerts(byte[] json) {
        return http.post("/v1/alerts", json, IngestResult.Batch.class).results();
    }

    /** {@code json} is one event object or an array of them, sent as it is. */
    public List<IngestResult> submitEvents(byte[] json) {
        return http.post("/v1/events", json, IngestResult.Batch.class).results();
    }
}
